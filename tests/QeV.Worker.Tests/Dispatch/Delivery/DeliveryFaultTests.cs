using QeV.Worker.Ledger;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.DispatchTestSetup;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Dispatch.Delivery;

/// <summary>
/// Faults of a real mail relay, scripted in the SMTP sink, against the dispatcher as the product builds it (delivery
/// issue): a relay that refuses every recipient keeps notices owed and trips the breaker, a greylisted or unknown Cc
/// never repeats the mail to the others, and the state is kept per recipient.
/// </summary>
public sealed class DeliveryFaultTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private SmtpSink Sink => fixture.Sink;

    private static async Task<List<(string Address, string State, string Error, bool SentAtSet)>> AuditAsync(TestDatabase db, string key) =>
        [.. (await db.QueryAsync<DeliveryAudit>("SELECT address, state, last_error, sent_at FROM notice_deliveries WHERE notice_key = @key ORDER BY address", new { key }))
            .Select(a => (a.Address, a.State, a.LastError ?? "-", a.SentAt is not null))];

    private static Task<List<DeliveryRow>> DeliveriesAsync(TestDatabase db, string key) =>
        db.QueryAsync<DeliveryRow>("SELECT notice_key, address, state, attempts, last_error FROM notice_deliveries WHERE notice_key = @key ORDER BY address", new { key });

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_RelayDeniesEveryRecipientThenFixed_NothingDeadBreakerStopsThenAllSentOnce(TestEngine engine)
    {
        // Given: eight reminders; the relay answers 554 5.7.1 to every RCPT TO of this test's domain
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain, cases: 8));
        Sink.ReplyAtRcpt(domain, "554 5.7.1 Relay access denied");
        var clock = NineOClock();
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain, new Dictionary<string, string?> { ["Mail:Smtp:Connections"] = "1" });
        await worker.Cycle.ScanAsync(Day, None);

        // When
        var denied = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        var rows = await worker.RowsAsync();

        // Then: the breaker stopped after three refused mails; nothing is dead, everything is still owed
        denied.Outage.ShouldNotBeNull().ShouldContain("lehnt alle Empfänger ab: 554 5.7.1 Relay access denied");
        denied.Dead.ShouldBe(0);
        denied.Retrying.ShouldBe(3, Sink.Log);
        rows.Count.ShouldBe(8);
        rows.ShouldAllBe(r => r.State == NoticeState.Failed || r.State == NoticeState.Pending);
        rows.Count(r => r.State == NoticeState.Failed).ShouldBe(3);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM data_problems WHERE problem LIKE 'E-Mail nicht zustellbar%'")).ShouldBe(0);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM data_problems WHERE staff_id = 'Mailserver'")).ShouldBe(1);
        Sink.MessagesTo(domain).ShouldBeEmpty();

        // When: the relay is fixed; the next runs after the retry delay
        Sink.WriteScript(new Dictionary<string, object>());
        clock.Advance(TimeSpan.FromMinutes(1));
        var fixedRun = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        clock.Advance(TimeSpan.FromMinutes(5));
        var again = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then
        fixedRun.Sent.ShouldBe(8, Sink.Log);
        fixedRun.Outage.ShouldBeNull();
        again.Claimed.ShouldBe(0);
        Sink.MessagesTo(domain).Select(m => m.NoticeKey).Order().ShouldBe(Enumerable.Range(1, 8).Select(n => ReminderKey(n)).Order());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_GreylistedCc_ToAndOtherCcGetItOnceTheCcLater(TestEngine engine)
    {
        // Given: the F06 notice goes to the case manager, Cc key worker and team lead; the lead is greylisted once
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain, missedAppointments: true));
        Sink.ReplyAtRcpt("lead@" + domain, "450 4.7.1 Greylisted, try again later", times: 1);
        var clock = NineOClock();
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain);
        await worker.Cycle.ScanAsync(Day, None);

        // When
        var first = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        var afterFirst = await worker.RowAsync(MissedAppointmentsKey);
        var auditAfterFirst = await AuditAsync(db, MissedAppointmentsKey);
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        clock.Advance(TimeSpan.FromMinutes(10));
        var third = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then: one copy each, the lead's a minute later, all with the same Message-ID
        first.Retrying.ShouldBe(1, Sink.Log);
        afterFirst.State.ShouldBe(NoticeState.Failed);
        // per recipient: when it was sent, or why not yet
        auditAfterFirst.ShouldBe(
            [("cm@" + domain, "sent", "-", true), ("kw@" + domain, "sent", "-", true), ("lead@" + domain, "failed", "450 4.7.1 Greylisted, try again later", false)]);
        afterFirst.LastError.ShouldNotBeNull().ShouldContain("450 4.7.1");
        second.Sent.ShouldBe(1, Sink.Log);
        third.Claimed.ShouldBe(0);
        var f06 = Sink.MessagesTo(domain).Where(m => m.NoticeKey == MissedAppointmentsKey).ToList();
        f06.Count.ShouldBe(2, Sink.Log);
        f06[0].Recipients.ShouldBe(["cm@" + domain, "kw@" + domain], ignoreOrder: true);
        f06[1].Recipients.ShouldBe(["lead@" + domain]);
        f06.Select(m => m.Header("Message-ID")).Distinct().ShouldHaveSingleItem();
        (await worker.RowAsync(MissedAppointmentsKey)).State.ShouldBe(NoticeState.Sent);
        (await DeliveriesAsync(db, MissedAppointmentsKey)).Select(d => (d.Address, d.State, d.Attempts)).ShouldBe(
            [("cm@" + domain, "sent", 1), ("kw@" + domain, "sent", 1), ("lead@" + domain, "sent", 2)]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_UnknownCc550_OthersGetItNoticeSentTheLeadsAddressADataProblem(TestEngine engine)
    {
        // Given: the team lead's address is unknown to the server (550 5.1.1 at RCPT TO)
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain, missedAppointments: true));
        Sink.ReplyAtRcpt("lead@" + domain, "550 5.1.1 User unknown");
        var clock = NineOClock();
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain);
        await worker.Cycle.ScanAsync(Day, None);

        // When
        var first = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        clock.Advance(TimeSpan.FromHours(2));
        var later = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then: not dead for the two who got it; the lead's refusal is that person's data problem
        first.Sent.ShouldBe(2, Sink.Log); // F06 and the F01 reminder
        first.Dead.ShouldBe(0);
        later.Claimed.ShouldBe(0);
        (await worker.RowAsync(MissedAppointmentsKey)).State.ShouldBe(NoticeState.Sent);
        Sink.MessagesTo(domain).Where(m => m.NoticeKey == MissedAppointmentsKey).ShouldHaveSingleItem()
            .Recipients.ShouldBe(["cm@" + domain, "kw@" + domain], ignoreOrder: true);
        (await DeliveriesAsync(db, MissedAppointmentsKey)).Single(d => d.Address == "lead@" + domain).State.ShouldBe("dead");
        (await db.ScalarAsync<string>("SELECT problem FROM data_problems WHERE staff_id = 'S-2' AND context = @key", new { key = MissedAppointmentsKey }))
            .ShouldContain("550 5.1.1 User unknown");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Requeue_DeadNoticeAfterTheAddressWasFixed_SentOnceAndRecordedInTheLedger(TestEngine engine)
    {
        // Given: the key worker's address was refused for good, then the mailbox was set up
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain));
        Sink.ReplyAtRcpt("kw@" + domain, "550 5.1.1 User unknown");
        var clock = NineOClock();
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain);
        await worker.Cycle.ScanAsync(Day, None);
        (await worker.Cycle.DispatchAsync(Day, officeOpen: true, None)).Dead.ShouldBe(1, Sink.Log);
        Sink.WriteScript(new Dictionary<string, object>());

        // When
        var otherRule = await worker.Ledger.RequeueAsync(NoticeState.Dead, "F12", null, clock.UtcNow, None);
        var plannedEarlier = await worker.Ledger.RequeueAsync(NoticeState.Dead, "F01", Day.AddDays(1), clock.UtcNow, None);
        var requeued = await worker.Ledger.RequeueAsync(NoticeState.Dead, null, null, clock.UtcNow, None);
        var run = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then: --rule and --since narrow it down; without them every dead notice is owed again
        (otherRule, plannedEarlier, requeued).ShouldBe((0, 0, 1));
        run.Sent.ShouldBe(1, Sink.Log);
        Sink.MessagesTo("kw@" + domain).ShouldHaveSingleItem().NoticeKey.ShouldBe(ReminderKey());
        (await db.ScalarAsync<string>("SELECT event FROM notice_events WHERE notice_key = @key", new { key = ReminderKey() })).ShouldBe("requeued");
        (await db.ScalarAsync<string>("SELECT detail FROM notice_events WHERE notice_key = @key", new { key = ReminderKey() })).ShouldBe("dead -> pending");
    }

    private sealed class DeliveryAudit
    {
        public string Address { get; set; } = "";
        public string State { get; set; } = "";
        public string? LastError { get; set; }
        public object? SentAt { get; set; }
    }
}
