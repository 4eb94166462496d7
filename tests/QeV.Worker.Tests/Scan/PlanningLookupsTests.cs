using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Deadlines;
using QeV.Worker.Notifications;
using QeV.Worker.Store.Bulk;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Scan;

/// <summary>
/// A scan reads the lookups planning needs (organisations, teams, staff, Führungszeugnisse) only when it has rows to
/// plan: a scan that finds nothing changed and no stage due plans nothing and reads no lookups (at a million cases they
/// were most of such a scan's time). The first scan of a day plans, so it reads them, and plans the same as before.
/// </summary>
public sealed class PlanningLookupsTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task PlanAsync_NothingChangedAndNothingDue_ReadsNoLookups(TestEngine engine)
    {
        using var db = await TestDatabase.CreateAsync(engine);
        await new SyntheticLoader(db.Database).LoadAsync(9, Day, 300, null, CancellationToken.None);
        using var mails = new TempFolder();
        using var worker = TestWorker.Pickup(db, new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)), mails.Path);
        var service = worker.Services.GetRequiredService<DeadlineService>();
        var planner = worker.Services.GetRequiredService<TablePlanner>();

        // When: the day's first scan, then the same scan again
        var first = await service.RefreshAsync(Day, CancellationToken.None);
        first.Lookups.IsRead.ShouldBeFalse("the refresh alone reads no lookups");
        var firstPlan = await planner.PlanAsync(first, Day, CancellationToken.None);
        var again = await service.RefreshAsync(Day, CancellationToken.None);
        var againPlan = await planner.PlanAsync(again, Day, CancellationToken.None);

        // Then: the first planned (and read the lookups), the second found nothing to plan and read none
        firstPlan.Planned.ShouldBeGreaterThan(100);
        firstPlan.Added.ShouldBeGreaterThan(0);
        first.Lookups.IsRead.ShouldBeTrue();
        (again.Scan.ChangedPartitions ?? new HashSet<string>()).ShouldBeEmpty();
        againPlan.Planned.ShouldBe(0);
        againPlan.Added.ShouldBe(0);
        again.Lookups.IsRead.ShouldBeFalse("nothing to plan: the lookups are not needed");
        againPlan.Open.ShouldBe(firstPlan.Open);

        // And: asked for, they are the store's (each staff member once)
        var facts = await again.PlanningAsync(CancellationToken.None);
        facts.Staff.Count.ShouldBe(await db.ScalarAsync<int>("SELECT COUNT(*) FROM staff"));
        again.Lookups.IsRead.ShouldBeTrue();
    }
}
