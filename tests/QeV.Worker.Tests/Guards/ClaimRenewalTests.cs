using QeV.Worker.Ledger;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Guards;

/// <summary>
/// Guard: the dispatcher renews its claim on each notice just before sending it and skips a notice whose claim another
/// worker has taken over meanwhile (Dispatch/NoticeDispatcher, Ledger/NoticeLedger.RenewClaimAsync). The sink holds
/// the first delivery of the batch at RCPT, and while it is held the second notice is taken over.
/// </summary>
public sealed class ClaimRenewalTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private SmtpSink Sink => fixture.Sink;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_NoticeTakenOverWhileTheBatchIsBeingSent_NotSentByTheFirstWorker(TestEngine engine)
    {
        // Given: one batch of two reminders, C-1's to kw@ (held at RCPT for 3 s) and C-9's to deputy@
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(engine, Files(domain, inactiveKeyWorker: true));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain, new Dictionary<string, string?> { ["Mail:Smtp:Connections"] = "1" }); // one delivery after the other, as the guard describes
        (await worker.Cycle.ScanAsync(Day, CancellationToken.None)).ShouldBe(2);
        var takenOver = ReminderKey(9, "S-5");
        Sink.WriteScript(new Dictionary<string, object>
        {
            ["rules"] = new[] { new Dictionary<string, object> { ["match_rcpt"] = "kw@" + domain, ["stage"] = "rcpt", ["delay"] = 3, ["reply"] = "250 OK", ["times"] = 1 } },
        });

        // When: while the first delivery is held, another worker takes C-9's reminder over (what its claim writes)
        var dispatch = worker.Cycle.DispatchAsync(Day, officeOpen: true, CancellationToken.None);
        await GuardData.WaitUntilAsync(() => Task.FromResult(Sink.Log.Contains("RCPT kw@" + domain, StringComparison.OrdinalIgnoreCase)),
            TimeSpan.FromSeconds(20), "the sink to hold the first delivery");
        await db.ExecuteAsync("UPDATE notices SET claimed_by = 'worker-b' WHERE notice_key = @key AND state = 'sending'", new { key = takenOver });
        var heldWhileTakenOver = Sink.MessagesTo("kw@" + domain).Count;
        var result = await dispatch;
        Sink.WriteScript(new Dictionary<string, object>());

        // Then: the first worker sent C-1's reminder, but not the notice it no longer owns
        heldWhileTakenOver.ShouldBe(0, "the takeover must happen while the first delivery is held");
        result.Sent.ShouldBe(1, Sink.Log);
        Sink.MessagesTo(domain).Select(m => m.NoticeKey).ShouldBe([ReminderKey()]);
        (await worker.RowAsync(takenOver)).State.ShouldBe(NoticeState.Sending);
        (await db.ScalarAsync<string>("SELECT claimed_by FROM notices WHERE notice_key = @key", new { key = takenOver })).ShouldBe("worker-b");
    }
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_BatchOutlivesTheFirstLease_RenewedClaimIsNotTakenOver(TestEngine engine)
    {
        // Given: one batch of two reminders claimed at 09:00 with a five-minute lease; the sink holds both deliveries
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(engine, Files(domain, inactiveKeyWorker: true));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain, new Dictionary<string, string?> { ["Mail:Smtp:Connections"] = "1" }); // one delivery after the other, as the guard describes
        (await worker.Cycle.ScanAsync(Day, CancellationToken.None)).ShouldBe(2);
        var second = ReminderKey(9, "S-5");
        Sink.WriteScript(new Dictionary<string, object>
        {
            ["rules"] = new[]
            {
                new Dictionary<string, object> { ["match_rcpt"] = "kw@" + domain, ["stage"] = "rcpt", ["delay"] = 2, ["reply"] = "250 OK", ["times"] = 1 },
                new Dictionary<string, object> { ["match_rcpt"] = "deputy@" + domain, ["stage"] = "rcpt", ["delay"] = 3, ["reply"] = "250 OK", ["times"] = 1 },
            },
        });

        // When: four minutes pass during the first delivery, so the second notice is renewed at 09:04 (until 09:09);
        // at 09:06, while the second delivery is held, another worker claims
        var dispatch = worker.Cycle.DispatchAsync(Day, officeOpen: true, CancellationToken.None);
        await GuardData.WaitUntilAsync(() => Task.FromResult(Sink.Log.Contains("RCPT kw@" + domain, StringComparison.OrdinalIgnoreCase)),
            TimeSpan.FromSeconds(20), "the sink to hold the first delivery");
        clock.Advance(TimeSpan.FromMinutes(4));
        await GuardData.WaitUntilAsync(() => Task.FromResult(Sink.Log.Contains("RCPT deputy@" + domain, StringComparison.OrdinalIgnoreCase)),
            TimeSpan.FromSeconds(20), "the sink to hold the second delivery");
        var other = await worker.Ledger.ClaimAsync("worker-b", clock.UtcNow + TimeSpan.FromMinutes(2), clock.UtcNow + TimeSpan.FromMinutes(2), Day, true, TimeSpan.FromMinutes(5), 20, CancellationToken.None);
        var result = await dispatch;
        Sink.WriteScript(new Dictionary<string, object>());

        // Then: the renewed claim held; each reminder went once, from the first worker
        other.Count.ShouldBe(0, "taken over: " + string.Join(", ", other.Select(r => r.NoticeKey)));
        result.Sent.ShouldBe(2, Sink.Log);
        Sink.MessagesTo(domain).Select(m => m.NoticeKey).ShouldBe([ReminderKey(), second], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_OneItemOfABundleTakenOverWhileTheMailBeforeIsHeld_BundleGoesWithoutIt(TestEngine engine)
    {
        // Given: kw@ owed C-1's reminder (held at RCPT for 3 s), then deputy@ owed C-8's and C-9's, bundled into one mail
        // that is rendered while the mail before it is being recorded
        var domain = NewDomain();
        var files = Files(domain, inactiveKeyWorker: true);
        files["cases.csv"] = files["cases.csv"].TrimEnd() + "\nC-8,51.2-0998/26,31,2025-01-15,,S-1,TR-1,S-5\n";
        files["meetings.csv"] = files["meetings.csv"].TrimEnd() + "\nM-8,C-8,fortschreibung,2026-06-24,planned,,\n";
        using var db = await GuardData.DatabaseAsync(engine, files);
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain, new Dictionary<string, string?> { ["Mail:Smtp:Connections"] = "1", ["Notifications:Bundle"] = "true" });
        (await worker.Cycle.ScanAsync(Day, CancellationToken.None)).ShouldBe(3);
        var kept = ReminderKey(8, "S-5");
        var takenOver = ReminderKey(9, "S-5");
        Sink.WriteScript(new Dictionary<string, object>
        {
            ["rules"] = new[] { new Dictionary<string, object> { ["match_rcpt"] = "kw@" + domain, ["stage"] = "rcpt", ["delay"] = 3, ["reply"] = "250 OK", ["times"] = 1 } },
        });

        // When: while the first mail is held, another worker takes C-9's reminder over
        var dispatch = worker.Cycle.DispatchAsync(Day, officeOpen: true, CancellationToken.None);
        await GuardData.WaitUntilAsync(() => Task.FromResult(Sink.Log.Contains("RCPT kw@" + domain, StringComparison.OrdinalIgnoreCase)),
            TimeSpan.FromSeconds(20), "the sink to hold the first delivery");
        await db.ExecuteAsync("UPDATE notices SET claimed_by = 'worker-b' WHERE notice_key = @key AND state = 'sending'", new { key = takenOver });
        var result = await dispatch;
        Sink.WriteScript(new Dictionary<string, object>());

        // Then: deputy@'s mail holds C-8's reminder alone, neither key nor file reference of C-9 in it
        result.Sent.ShouldBe(2, Sink.Log);
        var toDeputy = Sink.MessagesTo("deputy@" + domain).ShouldHaveSingleItem();
        toDeputy.ItemKeys.ShouldBe([kept]);
        toDeputy.Text.ShouldContain("51.2-0998/26");
        toDeputy.Text.ShouldNotContain("51.2-0999/26");
        toDeputy.Raw.ShouldNotContain(takenOver);
        (await worker.RowAsync(kept)).State.ShouldBe(NoticeState.Sent);
        (await worker.RowAsync(takenOver)).State.ShouldBe(NoticeState.Sending);
    }
}
