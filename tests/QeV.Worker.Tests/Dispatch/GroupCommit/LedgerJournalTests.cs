using QeV.Worker.Ledger;
using QeV.Worker.Tests.Guards;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Dispatch.GroupCommit;

/// <summary>
/// The journal between the server's answer and the notices (migration M021, <see cref="LedgerJournal"/>): the write
/// right after a mail only journals what it did; the notices learn it when the batch ends, or at the latest when any
/// worker next claims. A worker killed in between must not lose the delivery, and nobody may send that notice again.
/// </summary>
public sealed class LedgerJournalTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Claim_WorkerDiedBetweenJournalAndApply_ItsDeliveryCountsAndNothingIsClaimedAgain(TestEngine engine)
    {
        // Given: worker A claimed the reminder, the server accepted it, A journaled that and was killed before the
        // batch's end, so the notice row still says 'sending' under A's claim
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(engine, Files(domain));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Pickup(db, clock, db.Folder.Combine("mail-out"));
        await worker.Cycle.ScanAsync(Day, CancellationToken.None);
        var claimedAt = clock.UtcNow;
        var claimed = await worker.Ledger.ClaimAsync("worker-a", claimedAt, claimedAt, Day, true, Lease, 20, CancellationToken.None);
        claimed.Count.ShouldBe(1);
        var key = claimed[0].NoticeKey;
        var address = claimed[0].ToAddress;
        await worker.Ledger.WriteAsync("worker-a", claimedAt.AddSeconds(1), claimedAt + Lease,
            [new DeliveryUpdate(key, address, NoticeState.Sent, 1, null)], [new NoticeOutcome(key, NoticeState.Sent, claimedAt, null, SentNow: true)],
            [], [], CancellationToken.None);
        (await db.ScalarAsync<string>("SELECT state FROM notices WHERE notice_key = @key", new { key })).ShouldBe(NoticeState.Sending);
        (await db.ScalarAsync<int>("SELECT COUNT(*) FROM ledger_journal")).ShouldBe(1);

        // When: A's lease has ended and worker B claims
        var later = claimedAt + Lease + TimeSpan.FromMinutes(1);
        var taken = await worker.Ledger.ClaimAsync("worker-b", later, later, Day, true, Lease, 20, CancellationToken.None);

        // Then: B applied A's journal first, so the notice is sent (once, by A, at A's time) and B takes nothing
        taken.ShouldBeEmpty();
        (await db.ScalarAsync<string>("SELECT state FROM notices WHERE notice_key = @key", new { key })).ShouldBe(NoticeState.Sent);
        (await db.ScalarAsync<int>("SELECT attempts FROM notices WHERE notice_key = @key", new { key })).ShouldBe(1);
        (await db.ScalarAsync<string>("SELECT state FROM notice_deliveries WHERE notice_key = @key AND address = @address", new { key, address })).ShouldBe(NoticeState.Sent);
        (await db.ScalarAsync<int>("SELECT COUNT(*) FROM ledger_journal")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ApplyJournal_OfOneWorker_LeavesTheOthersAndAppliesEachRowOnce(TestEngine engine)
    {
        // Given: the reminder claimed by worker A with a journaled temporary refusal, and a journaled row of worker B
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(engine, Files(domain));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Pickup(db, clock, db.Folder.Combine("mail-out"));
        await worker.Cycle.ScanAsync(Day, CancellationToken.None);
        var now = clock.UtcNow;
        var key = (await worker.Ledger.ClaimAsync("worker-a", now, now, Day, true, Lease, 20, CancellationToken.None)).Single().NoticeKey;
        foreach (var (who, notice) in new[] { ("worker-a", key), ("worker-b", "F01/anderer") })
        {
            await worker.Ledger.WriteAsync(who, now, now + Lease,
                [new DeliveryUpdate(notice, "x@example.de", NoticeState.Failed, 1, "450 später")],
                [new NoticeOutcome(notice, NoticeState.Failed, now.AddMinutes(10), "450 später", SentNow: false)],
                [], [], CancellationToken.None);
        }

        // When: A applies its own, twice
        var first = await worker.Ledger.ApplyJournalAsync("worker-a", CancellationToken.None);
        var second = await worker.Ledger.ApplyJournalAsync("worker-a", CancellationToken.None);

        // Then: A's row once (one attempt), B's left until B or a claim applies it
        first.ShouldBe(1);
        second.ShouldBe(0);
        (await db.ScalarAsync<string>("SELECT state FROM notices WHERE notice_key = @key", new { key })).ShouldBe(NoticeState.Failed);
        (await db.ScalarAsync<int>("SELECT attempts FROM notices WHERE notice_key = @key", new { key })).ShouldBe(1);
        (await db.ScalarAsync<string>("SELECT last_error FROM notice_deliveries WHERE notice_key = @key", new { key })).ShouldBe("450 später");
        (await db.ScalarAsync<string>("SELECT worker FROM ledger_journal")).ShouldBe("worker-b");
    }
}
