using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
using QeV.Worker.Office;
using QeV.Worker.Scan;
using QeV.Worker.Sources;

namespace QeV.Worker.Deadlines;

/// <summary>
/// Evaluates every rule as of a date: from the deadlines table, refreshed incrementally by a scan first
/// (<see cref="FromTableAsync"/>), or over all facts loaded at once (<see cref="EvaluateAsync"/>, which preview's
/// day-by-day simulation, the parity tests and mapped sources use): the store's facts with the mapped entities read
/// from their sources (<see cref="SourcedFactLoader"/>).
/// </summary>
public sealed class DeadlineService(
    SourcedFactLoader facts, DeadlineEngine engine, BusinessCalendar calendar, OfficeClock clock, IOptions<RulesOptions> rules,
    DeadlineScanner scanner, DeadlineTableReader table, IOptions<SourcesOptions> sources)
{
    public async Task<DeadlineSnapshot> EvaluateAsync(DateOnly asOf, CancellationToken ct)
    {
        return Evaluate(await facts.LoadAsync(asOf, ct), asOf);
    }

    public DeadlineSnapshot Evaluate(FactSet facts, DateOnly asOf)
    {
        var context = new RuleContext(asOf, calendar, clock.DefaultState, rules.Value.Profile);
        return new DeadlineSnapshot(facts, context, engine.Evaluate(facts, context));
    }

    /// <summary>
    /// Refreshes the deadlines table (only what changed) and reads it: open deadlines due by <paramref name="until"/>
    /// (all when null), fulfilled ones when asked. The snapshot's facts are the lookups planning needs, not the cases.
    /// Falls back to evaluating everything at once when a rule cannot be evaluated by partition.
    /// </summary>
    public async Task<(DeadlineSnapshot Snapshot, ScanResult? Scan)> FromTableAsync(DateOnly asOf, DateOnly? until, bool includeFulfilled, CancellationToken ct)
    {
        // The partition reader reads the worker's own store only; with mapped sources every scan evaluates all facts
        // (the sources' rows are not in the store, so its partitions' fingerprints cannot see their changes).
        if (!scanner.Evaluator.CanPartition || sources.Value.Any)
        {
            return (await EvaluateAsync(asOf, ct), null);
        }

        var scan = await scanner.RefreshAsync(asOf, ct);
        var context = scanner.ContextFor(asOf);
        var present = scan.PresentRules.ToHashSet(StringComparer.Ordinal);
        var deadlines = await table.ReadAsync(context, until, includeFulfilled, present, engine.Rules, ct);
        var facts = await table.ReadPlanningFactsAsync(ct);
        var skipped = engine.Rules.Where(r => context.IsEnabled(r.Id) && !present.Contains(r.Id)).Select(r => r.Id).ToList();
        return (new DeadlineSnapshot(facts, context, deadlines) { SkippedRules = skipped }, scan);
    }
}
