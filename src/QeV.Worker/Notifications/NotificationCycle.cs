using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Planning;
using QeV.Domain.Rules;
using QeV.Worker.Deadlines;
using QeV.Worker.Dispatch;
using QeV.Worker.Ledger;
using QeV.Worker.Office;
using QeV.Worker.Operations;
using QeV.Worker.Scan;
using QeV.Worker.Sources;

namespace QeV.Worker.Notifications;

/// <summary>The three steps the schedule drives: scan (plan what is owed), digest, dispatch.</summary>
public sealed class NotificationCycle(
    DeadlineService deadlines,
    DeadlineEngine engine,
    NoticePlanner planner,
    DigestPlanner digests,
    NoticeLedger ledger,
    DataProblemStore problems,
    SourcedFactLoader sources,
    NoticeDispatcher dispatcher,
    BusinessCalendar calendar,
    OfficeClock clock,
    IOptions<NotificationOptions> options,
    WorkerHeartbeat heartbeat,
    ILogger<NotificationCycle> logger,
    ScanPhases phases,
    TablePlanner table)
{
    /// <summary>Recomputes every deadline and writes the notices owed today. On days off only immediate ones (F06).</summary>
    public async Task<int> ScanAsync(DateOnly day, CancellationToken ct)
    {
        using var activity = QevMetrics.Activities.StartActivity("scan");
        var watch = WorkerHeartbeat.Start();
        if (!deadlines.CanUseTable)
        {
            return await ScanAsync(await OpenDeadlinesAsync(day, ct), day, watch, ct);
        }

        return (await PlanFromTableAsync(await deadlines.RefreshAsync(day, ct), day, watch, ct)).Added;
    }

    /// <summary>
    /// Refreshes the deadlines table and plans from it in batches only what is due by stage date (<see cref="TablePlanner"/>);
    /// the `scan` command's path.
    /// </summary>
    public async Task<(TableScan Table, TablePlan Plan)> ScanTableAsync(DateOnly day, CancellationToken ct)
    {
        using var activity = QevMetrics.Activities.StartActivity("scan");
        var watch = WorkerHeartbeat.Start();
        var refreshed = await deadlines.RefreshAsync(day, ct);
        return (refreshed, await PlanFromTableAsync(refreshed, day, watch, ct));
    }

    private async Task<TablePlan> PlanFromTableAsync(TableScan refreshed, DateOnly day, System.Diagnostics.Stopwatch watch, CancellationToken ct)
    {
        var plan = await table.PlanAsync(refreshed, day, ct);
        logger.LogInformation("Scan {Day}: {Deadlines} Fristen, {Owed} Nachrichten fällig, davon {Added} neu, {Problems} Datenprobleme ({Planned} Fristen geplant)",
            Display(day), plan.Open, plan.Owed, plan.Added, plan.Problems, plan.Planned);
        await heartbeat.ScannedAsync(day, plan.Counts, watch.Elapsed, ct);
        LogSkipped(refreshed.SkippedRules);
        return plan;
    }

    private void LogSkipped(IReadOnlyList<string> skipped)
    {
        if (skipped.Count > 0)
        {
            logger.LogInformation("Ohne Daten übersprungen: {Rules}", string.Join(", ", skipped.Select(r => $"{r} (braucht {RuleData.Needs(r)})")));
        }
    }

    /// <summary>
    /// The open deadlines from the refreshed deadlines table, due within a year (the longest lead time of any reminder
    /// is far shorter; overdue ones of any age are included).
    /// </summary>
    public async Task<DeadlineSnapshot> OpenDeadlinesAsync(DateOnly day, CancellationToken ct) =>
        (await deadlines.FromTableAsync(day, day.AddDays(366), includeFulfilled: false, ct)).Snapshot;

    /// <summary>Plans the notices owed on <paramref name="day"/> from the snapshot and writes them to the ledger.</summary>
    public Task<int> ScanAsync(DeadlineSnapshot snapshot, DateOnly day, CancellationToken ct) =>
        ScanAsync(snapshot, day, WorkerHeartbeat.Start(), ct);

    private async Task<int> ScanAsync(DeadlineSnapshot snapshot, DateOnly day, System.Diagnostics.Stopwatch watch, CancellationToken ct)
    {
        // A scan several instances shared (PostgreSQL) is planned by one of them; the others wait for it and plan nothing.
        var here = await deadlines.TakePlanningAsync(snapshot, day, ct);
        var started = ScanPhases.Start();
        var plan = planner.Plan(here ? snapshot : snapshot with { ToPlan = [] }, day);
        phases.Stop(DeadlineScanner.Phase.Plan, started);
        started = ScanPhases.Start();
        var businessDay = calendar.IsBusinessDay(day, clock.DefaultState);
        var owed = plan.Notices.Where(n => businessDay || n.Content.Urgent).ToList();
        var added = await ledger.AddAsync(owed, clock.UtcNow, ct);
        phases.Stop(DeadlineScanner.Phase.Ledger, started);
        started = ScanPhases.Start();
        if (businessDay)
        {
            // Bad rows and unreachable sources of this scan go to the admin report beside the routing problems.
            await problems.RecordAsync(plan.Problems.Concat(sources.Health.Problems.Select(p => p.ToDataProblem())), day, ct);
        }

        // Counted as recorded and as the admin report lists them: one per problem key.
        var found = plan.Problems.Concat(sources.Health.Problems.Select(p => p.ToDataProblem())).DistinctBy(p => p.Key).Count();
        // Planned on a day off (urgent ones only) or a business day alike: a later scan that day plans the same way.
        if (here)
        {
            await deadlines.MarkPlannedAsync(snapshot, day, ct);
        }

        phases.Stop(DeadlineScanner.Phase.Problems, started);

        logger.LogInformation("Scan {Day}: {Deadlines} Fristen, {Owed} Nachrichten fällig, davon {Added} neu, {Problems} Datenprobleme",
            Display(day), snapshot.Deadlines.Count, owed.Count, added, found);
        await heartbeat.ScannedAsync(day, snapshot.Deadlines, watch.Elapsed, ct);
        LogSkipped(snapshot.SkippedRules ?? engine.SkippedForLackOfData(snapshot.Facts, snapshot.Context));

        return added;
    }

    /// <summary>A scan, then the team leads' digests and the admin report of the day, each at most once.</summary>
    public async Task<int> DigestAsync(DateOnly day, CancellationToken ct) => (await ScanAndDigestAsync(day, ct)).Added;

    /// <summary>As <see cref="DigestAsync"/>, with the refreshed deadlines table when the scan read it from there.</summary>
    private async Task<(int Added, TableScan? Refreshed)> ScanAndDigestAsync(DateOnly day, CancellationToken ct)
    {
        // No digests on days off; the scan (immediate notices only on such days) still runs.
        if (!calendar.IsBusinessDay(day, clock.DefaultState))
        {
            return (await ScanAsync(day, ct), null);
        }

        using var activity = QevMetrics.Activities.StartActivity("digest");
        var watch = WorkerHeartbeat.Start();
        int scanned;
        TableScan? refreshed = null;
        IReadOnlyList<DataProblem> seen;
        var dueSoon = options.Value.DigestDueSoonBusinessDays;
        var (digestCount, added) = (0, 0);
        FactSet facts;
        if (deadlines.CanUseTable)
        {
            refreshed = await deadlines.RefreshAsync(day, ct);
            scanned = (await PlanFromTableAsync(refreshed, day, watch, ct)).Added;
            facts = await refreshed.PlanningAsync(ct);
            seen = await SeenAsync(day, ct);
            // What a digest can list (overdue, due within the digest's business days by a generous calendar bound, warned
            // of), read and planned in shares of team leads, each written before the next is read.
            await foreach (var share in deadlines.ReadForDigestsAsync(refreshed, day.AddDays((2 * dueSoon) + 21), ct))
            {
                var owed = digests.Plan(share.Snapshot, day, seen, dueSoon, share.Leads);
                digestCount += owed.Count;
                added += await ledger.AddAsync(owed, clock.UtcNow, ct);
            }
        }
        else
        {
            var snapshot = await OpenDeadlinesAsync(day, ct);
            scanned = await ScanAsync(snapshot, day, watch, ct);
            facts = snapshot.Facts;
            seen = await SeenAsync(day, ct);
            var owed = digests.Plan(snapshot, day, seen, dueSoon);
            digestCount += owed.Count;
            added += await ledger.AddAsync(owed, clock.UtcNow, ct);
        }

        // Staff by name in the admin report, as in the digests.
        var named = seen.Select(p => p with { Line = p.Line with { StaffName = facts.FindStaff(p.Line.StaffId)?.DisplayName } }).ToList();
        if (AdminReportPlanner.Plan(options.Value.AdminEmail, day, named, options.Value.AdminName) is { } report)
        {
            logger.LogInformation("Bericht an die Administration {Day}: {Problems} Datenprobleme", Display(day), report.Content.Problems.Count);
            digestCount++;
            added += await ledger.AddAsync([report], clock.UtcNow, ct);
        }

        logger.LogInformation("Tagesübersichten {Day}: {Digests} fällig, davon {Added} neu", Display(day), digestCount, added);
        return (scanned + added, refreshed);
    }

    /// <summary>The data problems of the day and of the business day before, as the scan just recorded them: what a digest lists.</summary>
    private Task<IReadOnlyList<DataProblem>> SeenAsync(DateOnly day, CancellationToken ct) =>
        problems.SeenOnAsync(day, calendar.AddBusinessDays(day, -1, clock.DefaultState), ct);

    public Task<DispatchResult> DispatchAsync(DateOnly day, bool officeOpen, CancellationToken ct) => DispatchAsync(day, officeOpen, null, ct);

    private async Task<DispatchResult> DispatchAsync(DateOnly day, bool officeOpen, TableScan? refreshed, CancellationToken ct)
    {
        using var activity = QevMetrics.Activities.StartActivity("dispatch");
        var watch = WorkerHeartbeat.Start();
        var result = await dispatcher.DispatchAsync(day, officeOpen, ct, refreshed);
        activity?.SetTag("qev.sent", result.Sent);
        await heartbeat.DispatchedAsync(result, watch.Elapsed, ct);
        return result;
    }

    /// <summary>Business day in the default Bundesland and within Notifications:OfficeHours, office time.</summary>
    public bool IsOfficeOpen()
    {
        if (options.Value.IgnoreOfficeHours)
        {
            return true;
        }

        var now = clock.LocalNow;
        var (from, until) = options.Value.ParseOfficeHours();
        var time = TimeOnly.FromDateTime(now.DateTime);
        return calendar.IsBusinessDay(DateOnly.FromDateTime(now.DateTime), clock.DefaultState) && time >= from && time < until;
    }

    /// <summary>`run --once`: scan, digests, dispatch. With a date it behaves as if it were that day in office hours.</summary>
    public async Task<OnceResult> RunOnceAsync(DateOnly? asOf, CancellationToken ct)
    {
        var day = asOf ?? clock.Today;
        // The digests come from the same scan; the dispatch a moment later checks against the table that scan refreshed.
        var (planned, refreshed) = await ScanAndDigestAsync(day, ct);
        var dispatched = await DispatchAsync(day, asOf is not null || IsOfficeOpen(), refreshed, ct);
        return new OnceResult(day, planned, dispatched);
    }

    private static string Display(DateOnly day) => day.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
