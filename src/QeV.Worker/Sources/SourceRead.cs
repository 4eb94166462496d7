namespace QeV.Worker.Sources;

/// <summary>One row of source_reads (migration 14): the state of one mapped entity's source as the last scans found it.</summary>
/// <param name="Entity">The import contract's table.</param>
/// <param name="SourceName">Sources:Connections:&lt;name&gt; it was read from.</param>
/// <param name="GoodAt">When it was last read well (its rows in the store are from then); null before the first good read.</param>
/// <param name="FullAt">When it was last read in full (not only its changes).</param>
/// <param name="AsOf">The @asOf of that read.</param>
/// <param name="RowCount">Rows written to the store by that read.</param>
/// <param name="FailedAt">Since when reading fails; null while it succeeds.</param>
/// <param name="Failure">Why the last read failed.</param>
public sealed record SourceRead(
    string Entity, string SourceName, DateTimeOffset? GoodAt, DateTimeOffset? FullAt, DateOnly? AsOf, int RowCount,
    DateTimeOffset? FailedAt, string? Failure)
{
    public bool Reachable => FailedAt is null && GoodAt is not null;
}
