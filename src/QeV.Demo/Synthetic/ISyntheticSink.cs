namespace QeV.Demo.Synthetic;

/// <summary>Receives the generated rows in order; values are string, DateOnly, bool, int or null, in the table's column order.</summary>
public interface ISyntheticSink
{
    void Add(SyntheticTable table, object?[] row);

    /// <summary>Called after each block of cases: a natural point to flush a batch and report progress.</summary>
    void BlockDone(int casesSoFar);
}
