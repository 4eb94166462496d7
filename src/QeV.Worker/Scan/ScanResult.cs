using QeV.Domain.Rules;

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
    IReadOnlyList<string> PresentRules)
{
    /// <summary>The cases (or rules) no rule could judge in this scan: data problems, the rest went on.</summary>
    public IReadOnlyList<RuleFailure> Failures { get; init; } = [];

    /// <summary>Names this refresh in the deadline_scans row, so a planning mark is set only for the refresh that was planned.</summary>
    public string RefreshToken { get; init; } = "";

    /// <summary>The settings the notices are planned with (<see cref="ScanSettings.PlanningFingerprint"/>).</summary>
    public string PlanningFingerprint { get; init; } = "";

    /// <summary>
    /// The partitions ("case:…", "staff:…") this refresh re-evaluated, when the last refresh's notices were planned on
    /// the same day with the same settings: only their deadlines (and the organisation-wide ones) can owe anything new.
    /// Null: every deadline is planned.
    /// </summary>
    public IReadOnlySet<string>? ChangedPartitions { get; init; }

    /// <summary>
    /// Nothing the deadlines depend on changed since the last refresh (same day, settings and <see cref="FactsVersion"/>):
    /// no fact was read, the table stands as it was, and <see cref="RefreshToken"/> is that refresh's.
    /// </summary>
    public bool Unchanged { get; init; }

    /// <summary>
    /// Only the partitions whose facts changed since the last refresh were read (same day, settings and lookups, M019's
    /// keys); <see cref="Partitions"/> counts those.
    /// </summary>
    public bool ChangedOnly { get; init; }

    /// <summary>A generation several instances shared (PostgreSQL): one of them plans its notices (<see cref="SharedScan.TakePlanningAsync"/>).</summary>
    public bool Shared { get; init; }
}
