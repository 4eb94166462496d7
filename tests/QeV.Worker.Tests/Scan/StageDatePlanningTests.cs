using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Deadlines;
using QeV.Worker.Notifications;
using QeV.Worker.Store.Bulk;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Scan;

/// <summary>
/// A scan plans only the open deadlines whose stage date (M017, <c>next_stage</c>) has come (issue 9). Day by day, over
/// business days, a weekend and later weeks, with absences that start and end in between, the ledger and the data
/// problems it leaves must be exactly those of planning every deadline every day (the snapshot path, as before).
/// </summary>
public sealed class StageDatePlanningTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static async Task<(TestDatabase Db, TestWorker Worker, TempFolder Mails)> GeneratedAsync(TestEngine engine, string profile = "magdeburg-kern")
    {
        var db = await TestDatabase.CreateAsync(engine);
        await new SyntheticLoader(db.Database).LoadAsync(9, Day, 600, null, CancellationToken.None);
        // Absences that begin and end during the days below, some of them of deputies and team leads.
        await db.ExecuteAsync("UPDATE staff SET absent_from = '2026-11-25', absent_until = '2026-12-01' WHERE staff_id LIKE '%3'");
        await db.ExecuteAsync("UPDATE staff SET absent_from = '2026-11-20', absent_until = '2026-11-24' WHERE staff_id LIKE '%6'");
        // A whole team away, with its lead and its members' deputies: no one to stand in, a data problem while it lasts.
        await db.ExecuteAsync("""
            UPDATE staff SET absent_from = '2026-11-25', absent_until = '2026-11-27'
            WHERE team_id = (SELECT MIN(team_id) FROM teams WHERE lead_staff_id IS NOT NULL)
               OR staff_id IN (SELECT lead_staff_id FROM teams WHERE team_id = (SELECT MIN(team_id) FROM teams WHERE lead_staff_id IS NOT NULL))
               OR staff_id IN (SELECT deputy_staff_id FROM staff WHERE team_id = (SELECT MIN(team_id) FROM teams WHERE lead_staff_id IS NOT NULL))
            """);
        var mails = new TempFolder();
        return (db, TestWorker.Pickup(db, new ManualTimeProvider(Now), mails.Path, new Dictionary<string, string?> { ["Rules:Profile"] = profile }), mails);
    }

    private static Task<List<string>> LedgerAsync(TestDatabase db) => db.QueryAsync<string>(
        "SELECT notice_key || ' ' || to_address || ' ' || stage || ' ' || content FROM notices ORDER BY notice_key");

    private static Task<List<string>> ProblemsAsync(TestDatabase db) => db.QueryAsync<string>(
        "SELECT problem_key || ' ' || problem || ' ' || context || ' ' || first_seen || ' ' || last_seen FROM data_problems ORDER BY problem_key");

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public Task ScanTableAsync_DayByDay_PlansWhatIsDueByDateAndLeavesTheLedgerAndProblemsOfPlanningEverything(TestEngine engine) =>
        DayByDayAsync(engine, "magdeburg-kern");

    /// <summary>Every rule, the day-dependent ones too (F08, F12–F18: written anew each day, their stage dates kept when unchanged).</summary>
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public Task ScanTableAsync_DayByDayWithEveryRule_LeavesTheLedgerAndProblemsOfPlanningEverything(TestEngine engine) =>
        DayByDayAsync(engine, "magdeburg");

    private static async Task DayByDayAsync(TestEngine engine, string profile)
    {
        var (byDate, worker, mails) = await GeneratedAsync(engine, profile);
        var (everything, fullWorker, fullMails) = await GeneratedAsync(engine, profile);
        using (byDate)
        using (worker)
        using (mails)
        using (everything)
        using (fullWorker)
        using (fullMails)
        {
            var service = fullWorker.Services.GetRequiredService<DeadlineService>();
            var planned = new List<(DateOnly Day, TablePlan Plan)>();
            foreach (var offset in new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 45 })
            {
                // When: one plans by stage date, the other every deadline (the mark of the same-day delta cleared too)
                var day = Day.AddDays(offset);
                planned.Add((day, (await worker.Cycle.ScanTableAsync(day, CancellationToken.None)).Plan));
                await everything.ExecuteAsync("UPDATE deadline_scans SET planned_as_of = NULL");
                var (snapshot, _) = await service.FromTableAsync(day, day.AddDays(366), includeFulfilled: false, CancellationToken.None);
                snapshot.ToPlan.ShouldBeNull();
                await fullWorker.Cycle.ScanAsync(snapshot, day, CancellationToken.None);

                // Then
                (await LedgerAsync(byDate)).ShouldBe(await LedgerAsync(everything), $"{day:yyyy-MM-dd}");
                (await ProblemsAsync(byDate)).ShouldBe(await ProblemsAsync(everything), $"{day:yyyy-MM-dd}");
            }

            planned[0].Plan.ByDate.ShouldBeFalse();
            planned[0].Plan.Planned.ShouldBe((int)planned[0].Plan.Open);
            planned[0].Plan.Added.ShouldBeGreaterThan(100);
            // Tuesday after a planned Monday: by date, and only a small part of the open deadlines (with every rule: the
            // day-dependent ones written anew but unchanged kept their stage dates).
            planned[1].Plan.ByDate.ShouldBeTrue();
            // (On PostgreSQL the shared scan of issue 9a writes day-dependent rows anew without keeping their dates.)
            if (engine == TestEngine.Sqlite || profile == "magdeburg-kern")
            {
                planned[1].Plan.Planned.ShouldBeLessThan((int)(planned[1].Plan.Open / 3));
            }
            (await LedgerAsync(byDate)).Count.ShouldBeGreaterThan(planned[0].Plan.Added);
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task PlanAsync_AfterAnotherRefreshOrForAnEarlierDay_PlansEverythingAgain(TestEngine engine)
    {
        var (db, worker, mails) = await GeneratedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            var service = worker.Services.GetRequiredService<DeadlineService>();
            var planner = worker.Services.GetRequiredService<TablePlanner>();
            await worker.Cycle.ScanTableAsync(Day, CancellationToken.None);

            // When: a refresh, then another one after a change (a second instance), then the first one's plan
            var stale = await service.RefreshAsync(Day.AddDays(1), CancellationToken.None);
            await db.ExecuteAsync("UPDATE appointments SET outcome = CASE outcome WHEN 'attended' THEN 'no_show' ELSE 'attended' END WHERE case_id LIKE '%7'");
            var fresh = await service.RefreshAsync(Day.AddDays(1), CancellationToken.None);
            fresh.Scan.Evaluated.ShouldBeGreaterThan(0);
            var unplanned = await db.ScalarAsync<long>("SELECT COUNT(*) FROM deadlines WHERE next_stage = '0001-01-01'");
            await planner.PlanAsync(stale, Day.AddDays(1), CancellationToken.None);

            // Then: the stale plan set no date (the fresh rows stay unplanned) and did not move the day on
            (await db.ScalarAsync<long>("SELECT COUNT(*) FROM deadlines WHERE next_stage = '0001-01-01'")).ShouldBe(unplanned);
            unplanned.ShouldBeGreaterThan(0);
            (await db.ScalarAsync<string>("SELECT CAST(planned_on AS TEXT) FROM deadline_stage_plans")).ShouldBe("2026-11-23");

            // And: the next plan on that day plans by date; one for an earlier day plans every deadline again
            var (_, next) = await worker.Cycle.ScanTableAsync(Day.AddDays(1), CancellationToken.None);
            next.ByDate.ShouldBeTrue();
            next.Planned.ShouldBeGreaterThan(0);
            var (_, earlier) = await worker.Cycle.ScanTableAsync(Day, CancellationToken.None);
            earlier.ByDate.ShouldBeFalse();
            earlier.Planned.ShouldBe((int)earlier.Open);
        }
    }
}
