namespace QeV.Worker.Import;

/// <summary>Rows of one file: read, new, changed, and identical to what the database held (not written again).</summary>
public sealed record ImportFileSummary(string File, int Read, int Inserted, int Updated, int Unchanged = 0);

public sealed record ImportSummary(IReadOnlyList<ImportFileSummary> Files)
{
    public int TotalRead => Files.Sum(f => f.Read);
    public int TotalInserted => Files.Sum(f => f.Inserted);
    public int TotalUpdated => Files.Sum(f => f.Updated);
    public int TotalUnchanged => Files.Sum(f => f.Unchanged);
}
