namespace QeV.Worker.Scan;

/// <summary>What one refresh of the deadlines table did.</summary>
public sealed record ScanResult(
    DateOnly AsOf,
    bool Full,
    long Partitions,
    long Evaluated,
    long DayOnly,
    long Removed,
    long DeadlinesWritten,
    long RowsRead,
    IReadOnlyList<string> PresentRules);
