using QeV.Domain.Facts;
using QeV.Domain.Rules;
using QeV.Worker.Scan;

namespace QeV.Worker.Deadlines;

/// <summary>
/// A refreshed deadlines table, not yet read: the refresh, the context of its day, the lookups planning needs (never the
/// cases; read when first asked for), the rules whose data is present, and the active rules skipped for lack of data.
/// </summary>
public sealed record TableScan(ScanResult Scan, RuleContext Context, PlanningLookups Lookups, IReadOnlySet<string> PresentRules, IReadOnlyList<string> SkippedRules)
{
    /// <summary>The lookups planning needs, read the first time they are asked for.</summary>
    public Task<FactSet> PlanningAsync(CancellationToken ct) => Lookups.GetAsync(ct);
}
