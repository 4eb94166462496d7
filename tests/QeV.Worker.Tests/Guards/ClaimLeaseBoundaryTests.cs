using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Guards;

/// <summary>
/// Guard: a claim is held up to and including the end of its lease; only after it may another worker take the notice
/// over (Ledger/NoticeLedger.ClaimAsync, `claimed_until &lt; now`). One tick is the smallest step the engine stores.
/// </summary>
public sealed class ClaimLeaseBoundaryTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Claim_AtTheEndOfTheLeaseAndOneTickAfter_HeldThenTakenOver(TestEngine engine)
    {
        // Given: a worker claimed the reminder at 09:00 with a five-minute lease and died
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(engine, Files(domain));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Pickup(db, clock, db.Folder.Combine("mail-out"));
        await worker.Cycle.ScanAsync(Day, CancellationToken.None);
        var claimedAt = clock.UtcNow;
        (await worker.Ledger.ClaimAsync("crashed-worker", claimedAt, claimedAt, Day, true, Lease, 20, CancellationToken.None)).Count.ShouldBe(1);

        // When: another worker claims one tick before the end, at the end and one tick after it
        var tick = GuardData.Tick(engine);
        var before = await worker.Ledger.ClaimAsync("worker-b", claimedAt + Lease - tick, claimedAt + Lease - tick, Day, true, Lease, 20, CancellationToken.None);
        var atTheEnd = await worker.Ledger.ClaimAsync("worker-b", claimedAt + Lease, claimedAt + Lease, Day, true, Lease, 20, CancellationToken.None);
        var after = await worker.Ledger.ClaimAsync("worker-b", claimedAt + Lease + tick, claimedAt + Lease + tick, Day, true, Lease, 20, CancellationToken.None);

        // Then
        before.Count.ShouldBe(0);
        atTheEnd.Count.ShouldBe(0);
        after.Count.ShouldBe(1);
        after[0].NoticeKey.ShouldBe(ReminderKey());
        (await db.ScalarAsync<string>("SELECT claimed_by FROM notices WHERE notice_key = @key", new { key = ReminderKey() })).ShouldBe("worker-b");
    }
}
