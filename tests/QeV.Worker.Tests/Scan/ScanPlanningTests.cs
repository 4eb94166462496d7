using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Deadlines;
using QeV.Worker.Notifications;
using QeV.Worker.Store.Bulk;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Scan;

/// <summary>
/// A scan on the same day as the last planned one plans only the deadlines its refresh changed (issue 9). The ledger and
/// the data problems it leaves must be those of planning every deadline; a refresh whose notices were never planned
/// (the scan was killed in between, or the dispatcher refreshed) makes the next scan plan everything.
/// </summary>
public sealed class ScanPlanningTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static async Task<(TestDatabase Db, TestWorker Worker, TempFolder Mails)> GeneratedAsync(TestEngine engine)
    {
        var db = await TestDatabase.CreateAsync(engine);
        await new SyntheticLoader(db.Database).LoadAsync(9, Day, 600, null, CancellationToken.None);
        var mails = new TempFolder();
        return (db, TestWorker.Pickup(db, new ManualTimeProvider(Now), mails.Path), mails);
    }

    private static Task ChangeOnePercentAsync(TestDatabase db) => db.ExecuteAsync(
        "UPDATE appointments SET outcome = CASE outcome WHEN 'attended' THEN 'no_show' ELSE 'attended' END WHERE case_id LIKE '%7'");

    private static Task<List<string>> LedgerAsync(TestDatabase db) => db.QueryAsync<string>(
        "SELECT notice_key || ' ' || to_address || ' ' || stage || ' ' || content FROM notices ORDER BY notice_key");

    private static Task<List<string>> ProblemsAsync(TestDatabase db) => db.QueryAsync<string>(
        "SELECT problem_key || ' ' || problem || ' ' || context FROM data_problems ORDER BY problem_key");

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ScanAsync_SameDayAfterOnePercentChanged_PlansOnlyTheChangedAndWritesTheLedgerOfAFullPlan(TestEngine engine)
    {
        // Given: two copies of the same data, each scanned once, then the same 1 % of the cases changed
        var (incremental, worker, mails) = await GeneratedAsync(engine);
        var (full, fullWorker, fullMails) = await GeneratedAsync(engine);
        using (incremental)
        using (worker)
        using (mails)
        using (full)
        using (fullWorker)
        using (fullMails)
        {
            (await worker.Cycle.ScanAsync(Day, CancellationToken.None)).ShouldBeGreaterThan(100);
            await fullWorker.Cycle.ScanAsync(Day, CancellationToken.None);
            await ChangeOnePercentAsync(incremental);
            await ChangeOnePercentAsync(full);

            // When: one scans as the scan does; the other forgets that it planned and plans every deadline
            var service = worker.Services.GetRequiredService<DeadlineService>();
            var (snapshot, scan) = await service.FromTableAsync(Day, Day.AddDays(366), includeFulfilled: false, CancellationToken.None);
            var added = await worker.Cycle.ScanAsync(snapshot, Day, CancellationToken.None);
            await full.ExecuteAsync("UPDATE deadline_scans SET planned_as_of = NULL");
            var fullAdded = await fullWorker.Cycle.ScanAsync(Day, CancellationToken.None);

            // Then
            scan!.Evaluated.ShouldBeInRange(40, 90);
            snapshot.ToPlan.ShouldNotBeNull();
            snapshot.ToPlan.Count.ShouldBeLessThan(snapshot.Deadlines.Count / 5);
            added.ShouldBe(fullAdded);
            added.ShouldBeGreaterThan(0);
            (await LedgerAsync(incremental)).ShouldBe(await LedgerAsync(full));
            (await ProblemsAsync(incremental)).ShouldBe(await ProblemsAsync(full));
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ScanAsync_AfterARefreshThatWasNeverPlanned_PlansEverything(TestEngine engine)
    {
        // Given: a scan, a change, and a refresh whose notices never reach the ledger (killed before planning)
        var (db, worker, mails) = await GeneratedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            await worker.Cycle.ScanAsync(Day, CancellationToken.None);
            var service = worker.Services.GetRequiredService<DeadlineService>();
            var (unchanged, _) = await service.FromTableAsync(Day, null, includeFulfilled: false, CancellationToken.None);
            await ChangeOnePercentAsync(db);
            var (refreshed, _) = await service.FromTableAsync(Day, null, includeFulfilled: false, CancellationToken.None);

            // When: the next scan refreshes again (nothing changed since) and plans
            var (next, scan) = await service.FromTableAsync(Day, Day.AddDays(366), includeFulfilled: false, CancellationToken.None);
            var added = await worker.Cycle.ScanAsync(next, Day, CancellationToken.None);
            var (after, _) = await service.FromTableAsync(Day, Day.AddDays(366), includeFulfilled: false, CancellationToken.None);
            var (nextDay, _) = await service.FromTableAsync(Day.AddDays(1), Day.AddDays(367), includeFulfilled: false, CancellationToken.None);

            // Then: unplanned changes mean a full plan; once planned, only the organisation-wide deadlines again; a new day plans all
            unchanged.ToPlan.ShouldNotBeNull();
            refreshed.ToPlan.ShouldNotBeNull();
            scan!.Evaluated.ShouldBe(0);
            next.ToPlan.ShouldBeNull();
            added.ShouldBeGreaterThan(0);
            after.ToPlan.ShouldNotBeNull();
            after.ToPlan.ShouldAllBe(d => d.CaseId == null || d.Rule == "F07" || d.Rule == "F09" || d.Rule == "F10" || d.Rule == "F11" || d.Rule == "F18");
            nextDay.ToPlan.ShouldBeNull();
        }
    }
}
