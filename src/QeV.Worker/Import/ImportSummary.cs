namespace QeV.Worker.Import;

public sealed record ImportFileSummary(string File, int Read, int Inserted, int Updated);

public sealed record ImportSummary(IReadOnlyList<ImportFileSummary> Files)
{
    public int TotalRead => Files.Sum(f => f.Read);
    public int TotalInserted => Files.Sum(f => f.Inserted);
    public int TotalUpdated => Files.Sum(f => f.Updated);
}
