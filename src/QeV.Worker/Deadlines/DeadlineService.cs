using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Partitions;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
using QeV.Worker.Ledger;
using QeV.Worker.Office;
using QeV.Worker.Scan;
using QeV.Worker.Sources;

namespace QeV.Worker.Deadlines;

/// <summary>
/// Evaluates every rule as of a date: from the deadlines table, refreshed incrementally by a scan first
/// (<see cref="FromTableAsync"/>), or over all facts loaded at once (<see cref="EvaluateAsync"/>, which preview's
/// day-by-day simulation and the parity tests use). Mapped sources are read first either way: their good rows replace
/// the mapped entities' rows in the store (<see cref="SourcedFactLoader"/>), so both paths read the store.
/// </summary>
public sealed class DeadlineService(
    SourcedFactLoader facts, DeliveredNotices delivered, DeadlineEngine engine, BusinessCalendar calendar, OfficeClock clock,
    IOptions<RulesOptions> rules, DeadlineScanner scanner, DeadlineTableReader table, IOptions<SourcesOptions> sources)
{
    // Which refresh a snapshot was read after (by reference; records compare by value, this table does not).
    private readonly ConditionalWeakTable<DeadlineSnapshot, ScanResult> _refreshes = new();

    public async Task<DeadlineSnapshot> EvaluateAsync(DateOnly asOf, CancellationToken ct)
    {
        // F06 is fulfilled once its notice was delivered: the ledger's delivered notices join the facts, whether the
        // facts come from the store or from mapped sources.
        var loaded = await facts.LoadAsync(asOf, ct);
        var notified = await delivered.NotifiedByAsync(asOf, ct);
        return Evaluate(notified.Count == 0 ? loaded : loaded.WithNotified(notified), asOf);
    }

    public DeadlineSnapshot Evaluate(FactSet facts, DateOnly asOf)
    {
        var context = new RuleContext(asOf, calendar, clock.DefaultState, rules.Value.Profile) { Map = rules.Value.Map };
        var (deadlines, failures) = engine.EvaluateAll(facts, context);
        return new DeadlineSnapshot(facts, context, deadlines) { Failures = failures };
    }

    /// <summary>
    /// Refreshes the deadlines table (only what changed) and reads it: open deadlines due by <paramref name="until"/>
    /// (all when null), fulfilled ones when asked. The snapshot's facts are the lookups planning needs, not the cases.
    /// Falls back to evaluating everything at once when a rule cannot be evaluated by partition.
    /// </summary>
    public async Task<(DeadlineSnapshot Snapshot, ScanResult? Scan)> FromTableAsync(DateOnly asOf, DateOnly? until, bool includeFulfilled, CancellationToken ct)
    {
        if (!scanner.Evaluator.CanPartition)
        {
            return (await EvaluateAsync(asOf, ct), null);
        }

        var refreshed = await RefreshAsync(asOf, ct);
        var started = ScanPhases.Start();
        var (deadlines, toPlan) = await table.ReadAsync(
            refreshed.Context, until, includeFulfilled, refreshed.PresentRules, engine.Rules, refreshed.Scan.ChangedPartitions, ct);
        scanner.Phases.Stop(DeadlineScanner.Phase.Table, started);
        var snapshot = new DeadlineSnapshot(await refreshed.PlanningAsync(ct), refreshed.Context, deadlines)
        {
            SkippedRules = refreshed.SkippedRules, Failures = refreshed.Scan.Failures, ToPlan = toPlan,
        };
        _refreshes.AddOrUpdate(snapshot, refreshed.Scan);
        return (snapshot, refreshed.Scan);
    }

    /// <summary>
    /// The `deadlines` report's rows from the refreshed table, streamed in its order: open deadlines due by
    /// <paramref name="until"/>, fulfilled ones when asked.
    /// </summary>
    public IAsyncEnumerable<Deadline> StreamReportAsync(TableScan scan, DateOnly until, bool includeFulfilled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return table.StreamAsync(scan.Context, until, includeFulfilled, scan.PresentRules, ct);
    }

    /// <summary>Whether deadlines can come from the table (every rule evaluates by partition); else only <see cref="EvaluateAsync"/>.</summary>
    public bool CanUseTable => scanner.Evaluator.CanPartition;

    /// <summary>Refreshes the deadlines table (only what changed) and reads the lookups planning needs, but no deadline.</summary>
    public async Task<TableScan> RefreshAsync(DateOnly asOf, CancellationToken ct)
    {
        // The sources' good rows go into the store first; the partitions' fingerprints then see what they changed.
        if (sources.Value.Any)
        {
            await facts.SyncAsync(asOf, ct);
        }

        var scan = await scanner.RefreshAsync(asOf, ct);
        var started = ScanPhases.Start();
        var context = scanner.ContextFor(asOf);
        var present = scan.PresentRules.ToHashSet(StringComparer.Ordinal);
        var planning = new PlanningLookups(async token =>
        {
            var reading = ScanPhases.Start();
            var facts = await table.ReadPlanningFactsAsync(token);
            scanner.Phases.Stop(DeadlineScanner.Phase.Table, reading);
            return facts;
        });
        var skipped = engine.Rules.Where(r => context.IsEnabled(r.Id) && !present.Contains(r.Id)).Select(r => r.Id).ToList();
        scanner.Phases.Stop(DeadlineScanner.Phase.Table, started);
        return new TableScan(scan, context, planning, present, skipped);
    }

    /// <summary>The keys of the open deadlines in these partitions of the table <paramref name="scan"/> refreshed.</summary>
    public Task<HashSet<string>> OpenKeysAsync(TableScan scan, IEnumerable<(RuleScope Scope, string PartitionId)> partitions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return table.OpenKeysAsync(partitions, scan.PresentRules, ct);
    }

    /// <summary>The deadlines a digest share holds at most, unless one lead's alone are more.</summary>
    public const int DeadlinesPerDigestShare = 20_000;

    /// <summary>
    /// The open deadlines a digest can list, from the refreshed table, due by <paramref name="until"/> (overdue ones of
    /// any age) or warned of by <paramref name="until"/>'s day, within a year: in shares of whole leads, each with at most
    /// <paramref name="deadlinesPerShare"/> deadlines (more only when one lead's alone are more), in the snapshot's order
    /// within the share. Every team lead is in exactly one share; the last holds the leads none of whose team's
    /// deadlines are due (their digest can still list data problems). Memory holds one share, whatever the table holds.
    /// </summary>
    public async IAsyncEnumerable<DigestShare> ReadForDigestsAsync(
        TableScan scan, DateOnly until, [EnumeratorCancellation] CancellationToken ct, int deadlinesPerShare = DeadlinesPerDigestShare)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var planning = await scan.PlanningAsync(ct);
        var shared = new HashSet<string>(StringComparer.Ordinal);
        var leads = new HashSet<string>(StringComparer.Ordinal);
        var deadlines = new List<PartitionDeadline>();
        string? current = null;
        await foreach (var (lead, deadline) in table.StreamForDigestsAsync(scan.Context, until, scan.PresentRules, ct))
        {
            if (lead != current)
            {
                if (deadlines.Count >= deadlinesPerShare)
                {
                    yield return Share(scan, planning, leads, deadlines);
                    leads = new HashSet<string>(StringComparer.Ordinal);
                    deadlines = [];
                }

                current = lead;
                leads.Add(lead);
                shared.Add(lead);
            }

            deadlines.Add(deadline);
        }

        if (deadlines.Count > 0)
        {
            yield return Share(scan, planning, leads, deadlines);
        }

        var rest = planning.Teams.Select(t => t.LeadStaffId).OfType<string>().Where(l => !shared.Contains(l)).ToHashSet(StringComparer.Ordinal);
        if (rest.Count > 0)
        {
            yield return Share(scan, planning, rest, []);
        }
    }

    private DigestShare Share(TableScan scan, FactSet planning, HashSet<string> leads, List<PartitionDeadline> deadlines) =>
        new(new DeadlineSnapshot(planning, scan.Context, PartitionEvaluator.Order(deadlines, engine.Rules))
        {
            SkippedRules = scan.SkippedRules, Failures = scan.Scan.Failures,
        }, leads);

    /// <summary>
    /// Whether this instance plans the snapshot's notices for <paramref name="day"/>: on PostgreSQL one instance plans a
    /// scan several shared, the others wait until it has and plan nothing (<see cref="SharedScan.TakePlanningAsync"/>).
    /// </summary>
    public async Task<bool> TakePlanningAsync(DeadlineSnapshot snapshot, DateOnly day, CancellationToken ct) =>
        !_refreshes.TryGetValue(snapshot, out var scan) || scan.AsOf != day || await scanner.Shared.TakePlanningAsync(scan, ct);

    /// <summary>
    /// After the notices of a snapshot read from the table are in the ledger: the next scan on the same day plans only
    /// what its refresh changes. Nothing for snapshots evaluated over all facts.
    /// </summary>
    public async Task MarkPlannedAsync(DeadlineSnapshot snapshot, DateOnly day, CancellationToken ct)
    {
        if (_refreshes.TryGetValue(snapshot, out var scan) && scan.AsOf == day)
        {
            await scanner.MarkPlannedAsync(scan, day, ct);
            await scanner.Shared.PlanningDoneAsync(scan, ct);
        }
    }
}
