using Microsoft.Extensions.DependencyInjection;
using QeV.Domain.Planning;
using QeV.Worker.Deadlines;
using QeV.Worker.Store.Bulk;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Scan;

/// <summary>
/// The digests read the deadlines table in shares of team leads (<see cref="DeadlineService.ReadForDigestsAsync"/>), so a
/// digest run never holds every open deadline (about ten million at a million cases). Planned share by share, the
/// digests must be those of planning every lead over all facts at once: the same leads, the same lines in the same order.
/// </summary>
public sealed class DigestShareTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    private const int DueSoon = 7;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ReadForDigestsAsync_InSmallShares_PlansTheDigestsOfPlanningEveryLeadAtOnce(TestEngine engine)
    {
        using var db = await TestDatabase.CreateAsync(engine);
        await new SyntheticLoader(db.Database).LoadAsync(9, Day, 600, null, CancellationToken.None);
        // A team whose lead's people owe nothing: its lead is only in the last share (their digest could list problems).
        await db.ExecuteAsync("""
            UPDATE teams SET lead_staff_id = (SELECT MIN(staff_id) FROM staff WHERE team_id IS NULL AND role = 'fachkraft')
            WHERE team_id = (SELECT MAX(team_id) FROM teams WHERE lead_staff_id IS NOT NULL)
            """);
        await db.ExecuteAsync("UPDATE staff SET team_id = NULL WHERE team_id = (SELECT MAX(team_id) FROM teams WHERE lead_staff_id IS NOT NULL)");
        using var mails = new TempFolder();
        using var worker = TestWorker.Pickup(db, new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)), mails.Path);
        var service = worker.Services.GetRequiredService<DeadlineService>();
        var planner = worker.Services.GetRequiredService<DigestPlanner>();
        var until = Day.AddDays((2 * DueSoon) + 21);

        // When: the table refreshed, then read in shares of about 10 deadlines, each planned for its leads only
        var scan = await service.RefreshAsync(Day, CancellationToken.None);
        var shares = await service.ReadForDigestsAsync(scan, until, CancellationToken.None, deadlinesPerShare: 10).ToListAsync();
        var shared = shares.SelectMany(s => planner.Plan(s.Snapshot, Day, [], DueSoon, s.Leads)).ToList();

        // Then: several shares, each lead in exactly one; a share ends at the first lead after 10 deadlines, the last holds the leads with none
        var leads = (await scan.PlanningAsync(CancellationToken.None)).Teams.Select(t => t.LeadStaffId).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        shares.SelectMany(s => s.Leads).Order(StringComparer.Ordinal).ShouldBe(leads);
        shares.Count.ShouldBeGreaterThan(5, string.Join("; ", shares.Select(s => $"{s.Leads.Count}:{s.Snapshot.Deadlines.Count}")));
        shares.SkipLast(2).ShouldAllBe(s => s.Snapshot.Deadlines.Count >= 10);
        shares.SkipLast(1).ShouldAllBe(s => s.Snapshot.Deadlines.Count > 0);
        shares[^1].Snapshot.Deadlines.ShouldBeEmpty();

        // And: the digests are those of the evaluation over all facts, planned for every lead at once
        var all = await service.EvaluateAsync(Day, CancellationToken.None);
        var expected = planner.Plan(all, Day, [], DueSoon);
        expected.Count.ShouldBeGreaterThan(5);
        Lines(shared).ShouldBe(Lines(expected));
    }

    private static List<string> Lines(IEnumerable<PlannedNotice> digests) =>
        [.. digests.OrderBy(d => d.Content.Key, StringComparer.Ordinal).SelectMany(d =>
            new[] { $"{d.Content.Key} an {d.Content.To.Email}" }
                .Concat(d.Content.Overdue.Select(l => $"  überfällig {l.Rule} {l.SubjectId} {l.FileReference} {l.DueDate:yyyy-MM-dd} {l.DaysOverdue} {l.ResponsibleName} {l.Note}"))
                .Concat(d.Content.DueSoon.Select(l => $"  bald {l.Rule} {l.SubjectId} {l.FileReference} {l.DueDate:yyyy-MM-dd} {l.ResponsibleName} {l.Note}")))];
}
