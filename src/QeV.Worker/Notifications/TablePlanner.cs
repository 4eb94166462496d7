using QeV.Domain.Calendar;
using QeV.Domain.Planning;
using QeV.Worker.Deadlines;
using QeV.Worker.Ledger;
using QeV.Worker.Office;
using QeV.Worker.Scan;
using QeV.Worker.Sources;
using QeV.Worker.Store;

namespace QeV.Worker.Notifications;

/// <summary>
/// Plans a day from the refreshed deadlines table in batches: only the open deadlines whose stage date has come
/// (through the index on fulfilled, next_stage), in the report's order, each batch planned, written to the ledger and
/// given its next stage date before the next is read, so memory holds one batch and the lookups, whatever the number
/// of cases. Every deadline whose plan shows a data problem is planned again the next day, so the day's problems are
/// those of planning every deadline. On days off (urgent notices only) no date moves on.
/// </summary>
public sealed class TablePlanner(
    Database database, NoticePlanner planner, NoticeLedger ledger, DataProblemStore problems, SourcedFactLoader sources,
    DeadlineScanner scanner, BusinessCalendar calendar, OfficeClock clock)
{
    public const int BatchSize = 10_000;

    /// <summary>How far ahead planning reads (the longest reminder lead time is far shorter; overdue ones of any age count).</summary>
    public static DateOnly Until(DateOnly day) => KeptCounts.Until(day);

    public async Task<TablePlan> PlanAsync(TableScan table, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        var phases = scanner.Phases;
        var store = new StageDateStore(database);
        // A scan several instances shared (PostgreSQL) is planned by one of them; the others wait for it and plan nothing.
        if (table.Scan.AsOf == day && !await scanner.Shared.TakePlanningAsync(table.Scan, ct))
        {
            var counted = (await store.CountsAsync(table.Scan.RefreshToken, day, Until(day), ct)).Where(c => table.PresentRules.Contains(c.Rule)).ToList();
            return new TablePlan(counted.Sum(c => c.Count), 0, 0, 0, 0, false, counted);
        }

        var settings = table.Scan.PlanningFingerprint ?? "";
        var state = await store.LoadStateAsync(ct);
        // Dates set for other notification settings, or for a later day than this one, say nothing about this plan.
        var byDate = state is not null && state.Settings == settings && state.PlannedOn <= day;
        var businessDay = calendar.IsBusinessDay(day, clock.DefaultState);
        var run = new Batch(planner, ledger, clock, phases, table, day, businessDay);
        scanner.Progress.Step("die Fristen werden geplant, die fälligen Nachrichten ins Postausgangsbuch geschrieben");
        var started = ScanPhases.Start();
        await using (var connection = await database.OpenAsync(ct))
        {
            await foreach (var row in store.StreamDueAsync(connection, day, Until(day), byDate, ct))
            {
                if (!table.PresentRules.Contains(row.Rule))
                {
                    continue;
                }

                run.Rows.Add(row);
                if (run.Rows.Count == BatchSize)
                {
                    phases.Stop(DeadlineScanner.Phase.Table, started);
                    await run.FlushAsync(store, ct);
                    scanner.Progress.Planned(BatchSize);
                    started = ScanPhases.Start();
                }
            }
        }

        phases.Stop(DeadlineScanner.Phase.Table, started);
        await run.FlushAsync(store, ct);
        started = ScanPhases.Start();
        // Failures of the refresh, then the sources' bad rows and unreachable sources: to the admin report beside the routing problems.
        if (table.Scan.Failures.Count > 0)
        {
            var facts = await table.PlanningAsync(ct);
            run.Found(table.Scan.Failures.Select(f => NoticePlanner.FailureProblem(facts, f)));
        }

        run.Found(sources.Health.Problems.Select(p => p.ToDataProblem()));
        if (businessDay)
        {
            await problems.RecordAsync(run.Problems, day, ct);
            if (run.Marking)
            {
                await store.SaveStateAsync(settings, day, ct);
            }
        }

        // Planned on a day off (urgent ones only) or a business day alike: a later scan that day plans the same way.
        await scanner.MarkPlannedAsync(table.Scan, day, ct);
        await scanner.Shared.PlanningDoneAsync(table.Scan, ct);
        var counts = await store.CountsAsync(table.Scan.RefreshToken, day, Until(day), ct);
        var present = counts.Where(c => table.PresentRules.Contains(c.Rule)).ToList();
        phases.Stop(DeadlineScanner.Phase.Problems, started);
        return new TablePlan(present.Sum(c => c.Count), run.Planned, run.Owed, run.Added, run.Problems.Count, byDate, present);
    }

    /// <summary>One plan's batches and what they have found so far.</summary>
    private sealed class Batch(
        NoticePlanner planner, NoticeLedger ledger, OfficeClock clock, ScanPhases phases, TableScan table, DateOnly day, bool businessDay)
    {
        // Built with the lookups when the first rows are planned: a plan with no rows reads no lookups.
        private RoutingHorizon? _horizon;

        private readonly HashSet<string> _problemKeys = new(StringComparer.Ordinal);

        public List<DeadlineRows.StoredDeadline> Rows { get; } = new(BatchSize);

        /// <summary>Each problem key once, the first found (as the ledger of one whole plan records it).</summary>
        public List<DataProblem> Problems { get; } = [];

        /// <summary>False once a refresh came between reading and marking (its rows stay unplanned) or on a day off.</summary>
        public bool Marking { get; private set; } = true;

        public int Planned { get; private set; }

        public int Owed { get; private set; }

        public int Added { get; private set; }

        public void Found(IEnumerable<DataProblem> found)
        {
            foreach (var problem in found)
            {
                if (_problemKeys.Add(problem.Key))
                {
                    Problems.Add(problem);
                }
            }
        }

        public async Task FlushAsync(StageDateStore store, CancellationToken ct)
        {
            if (Rows.Count == 0)
            {
                return;
            }

            var facts = await table.PlanningAsync(ct);
            var horizon = _horizon ??= new RoutingHorizon(facts, day);
            var started = ScanPhases.Start();
            var notices = new List<PlannedNotice>();
            var found = new List<DataProblem>();
            var next = new List<(DeadlineRows.StoredDeadline, DateOnly)>(Rows.Count);
            foreach (var row in Rows)
            {
                var deadline = row.ToDeadline(table.Context).Deadline;
                var after = planner.PlanOne(facts, table.Context.DefaultState, deadline, day, notices, found, horizon);
                next.Add((row, after ?? DateOnly.MaxValue));
            }

            Found(found);
            var owed = notices.Where(n => businessDay || n.Content.Urgent).ToList();
            phases.Stop(DeadlineScanner.Phase.Plan, started);
            started = ScanPhases.Start();
            Added += await ledger.AddAsync(owed, clock.UtcNow, ct);
            phases.Stop(DeadlineScanner.Phase.Ledger, started);
            started = ScanPhases.Start();
            if (Marking && businessDay)
            {
                Marking = await store.MarkAsync(next, table.Scan.RefreshToken ?? "", ct);
            }

            phases.Stop(StageDates, started);
            Planned += Rows.Count;
            Owed += owed.Count;
            Rows.Clear();
        }
    }

    /// <summary>The phase the scan line names for setting the stage dates.</summary>
    public const string StageDates = "Stufendaten";
}

/// <summary>
/// What a plan from the table did: open deadlines (due within a year), those planned (stage date come, or all when
/// <paramref name="ByDate"/> is false), notices owed and new in the ledger, distinct data problems, counts per rule and status.
/// </summary>
public sealed record TablePlan(
    long Open, int Planned, int Owed, int Added, int Problems, bool ByDate, IReadOnlyList<(string Rule, string Status, long Count)> Counts);
