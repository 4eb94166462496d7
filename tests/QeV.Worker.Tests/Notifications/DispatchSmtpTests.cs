using QeV.Worker.Dispatch.Rendering;
using QeV.Worker.Ledger;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.DispatchTestSetup;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Notifications;

/// <summary>
/// The notification pipeline against a real SMTP server on loopback (tests/smtp-sink) and a real database, both
/// engines (notification issue): the ledger row is written before sending and marked sent only after the server
/// accepted; every mail carries X-QeV-Notice-Key, Auto-Submitted and a Message-ID from the key; 4xx answers are
/// retried with backoff, a 5xx makes the notice dead at once and is reported; a server that is down is retried; a
/// restart or a crashed worker never sends a notice twice; outside office hours only F06 goes.
/// </summary>
public sealed class DispatchSmtpTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private SmtpSink Sink => fixture.Sink;

    private static Task<long> DeliveryProblemsAsync(TestDatabase db, string key) =>
        db.ScalarAsync<long>("SELECT COUNT(*) FROM data_problems WHERE context = @key AND problem LIKE 'E-Mail nicht zustellbar%'", new { key });

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_ServerAccepts_SentWithHeadersBothPartsAndCalendar(TestEngine engine)
    {
        // Given
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain));
        var clock = NineOClock();
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain);
        var planned = await worker.Cycle.ScanAsync(Day, None);
        var before = await worker.RowAsync(ReminderKey());
        var mailBefore = Sink.MessagesTo(domain).Count;

        // When
        var result = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then: the row existed (pending) before anything was sent
        planned.ShouldBe(1);
        before.State.ShouldBe(NoticeState.Pending);
        mailBefore.ShouldBe(0);
        result.Sent.ShouldBe(1);
        var row = await worker.RowAsync(ReminderKey());
        row.State.ShouldBe(NoticeState.Sent);
        row.Attempts.ShouldBe(1);
        row.SentAt.ShouldBe(clock.UtcNow);
        row.ToAddress.ShouldBe("kw@" + domain);

        var mail = Sink.MessagesTo(domain).ShouldHaveSingleItem(Sink.Log);
        mail.Recipients.ShouldBe(["kw@" + domain]);
        mail.Header("X-QeV-Notice-Key").ShouldBe(ReminderKey());
        mail.Header("Auto-Submitted").ShouldBe("auto-generated");
        mail.Header("Message-ID").ShouldBe(MailComposer.MessageIdFor(ReminderKey()));
        mail.HeaderCount("Message-ID").ShouldBe(1);
        mail.HasPart("text/plain").ShouldBeTrue(mail.Raw);
        mail.HasPart("text/html").ShouldBeTrue(mail.Raw);
        mail.HasPart("text/calendar").ShouldBeTrue(mail.Raw);
        mail.Raw.ShouldContain("frist-f01-2026-06-10.ics");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_TwoTemporaryFailuresThenAccepted_SentOnceWithinOneRun(TestEngine engine)
    {
        // Given: 451 twice, then 250; two quick retries within the run
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain));
        Sink.Reply("kw@" + domain, "451 4.3.0 Try again later", times: 2);
        using var worker = TestWorker.Smtp(db, NineOClock(), Sink.Port, domain, new Dictionary<string, string?>
        {
            ["Notifications:ImmediateRetries"] = "2",
        });
        await worker.Cycle.ScanAsync(Day, None);

        // When
        var result = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then
        result.Sent.ShouldBe(1, Sink.Log);
        (await worker.RowAsync(ReminderKey())).State.ShouldBe(NoticeState.Sent);
        Sink.MessagesTo(domain).ShouldHaveSingleItem().NoticeKey.ShouldBe(ReminderKey());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_TemporaryFailuresAcrossRuns_FailedWithGrowingBackoffThenSent(TestEngine engine)
    {
        // Given: 451 twice, then 250; no retries within a run, RetryDelay one minute
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain));
        Sink.Reply("kw@" + domain, "451 4.3.0 Try again later", times: 2);
        var clock = NineOClock();
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain);
        await worker.Cycle.ScanAsync(Day, None);
        var start = clock.UtcNow;

        // When
        var first = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        var afterFirst = await worker.RowAsync(ReminderKey());
        var tooEarly = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        var afterSecond = await worker.RowAsync(ReminderKey());
        clock.Advance(TimeSpan.FromMinutes(2));
        var third = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then
        first.Retrying.ShouldBe(1, Sink.Log);
        afterFirst.State.ShouldBe(NoticeState.Failed);
        afterFirst.Attempts.ShouldBe(1);
        afterFirst.LastError.ShouldNotBeNull().ShouldContain("451");
        afterFirst.NextAttemptAt.ShouldBe(start + TimeSpan.FromMinutes(1));
        tooEarly.Claimed.ShouldBe(0);
        second.Retrying.ShouldBe(1);
        afterSecond.Attempts.ShouldBe(2);
        afterSecond.NextAttemptAt.ShouldBe(start + TimeSpan.FromMinutes(1) + TimeSpan.FromMinutes(2), "the second delay is twice the first");
        third.Sent.ShouldBe(1, Sink.Log);
        var row = await worker.RowAsync(ReminderKey());
        row.State.ShouldBe(NoticeState.Sent);
        row.Attempts.ShouldBe(3);
        Sink.MessagesTo(domain).ShouldHaveSingleItem();
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_TemporaryFailureUntilMaxAttempts_DeadAndReported(TestEngine engine)
    {
        // Given: the server refuses the recipient with 451 at RCPT TO for ever (a mailbox that never comes back); two attempts allowed
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain));
        Sink.ReplyAtRcpt("kw@" + domain, "451 4.2.0 Mailbox busy");
        var clock = NineOClock();
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain, new Dictionary<string, string?> { ["Notifications:MaxAttempts"] = "2" });
        await worker.Cycle.ScanAsync(Day, None);

        // When
        var first = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        clock.Advance(TimeSpan.FromHours(1));
        var third = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then
        first.Retrying.ShouldBe(1);
        second.Dead.ShouldBe(1);
        third.Claimed.ShouldBe(0);
        var row = await worker.RowAsync(ReminderKey());
        row.State.ShouldBe(NoticeState.Dead);
        row.Attempts.ShouldBe(2);
        (await DeliveryProblemsAsync(db, ReminderKey())).ShouldBe(1);
        Sink.MessagesTo(domain).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_PermanentRejection_DeadAtOnceAfterOneAttemptAndReportedToAdmin(TestEngine engine)
    {
        // Given: 550 for the key worker; quick retries are on, but a 5xx must not be retried
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain));
        Sink.Reply("kw@" + domain, "550 5.1.1 User unknown");
        var clock = NineOClock();
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain, new Dictionary<string, string?>
        {
            ["Notifications:ImmediateRetries"] = "2",
        });
        await worker.Cycle.ScanAsync(Day, None);

        // When
        var result = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        clock.Advance(TimeSpan.FromHours(2));
        var later = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then
        result.Dead.ShouldBe(1, Sink.Log);
        later.Claimed.ShouldBe(0);
        var row = await worker.RowAsync(ReminderKey());
        row.State.ShouldBe(NoticeState.Dead);
        row.Attempts.ShouldBe(1);
        row.LastError.ShouldNotBeNull().ShouldContain("550");
        row.SentAt.ShouldBeNull();
        (await DeliveryProblemsAsync(db, ReminderKey())).ShouldBe(1);
        Sink.MessagesTo("kw@" + domain).ShouldBeEmpty();
        // The sink's log reaches the test through a pipe read in the background: wait for its line, then count it.
        int Refusals() => Sink.Log.Split('\n').Count(l => l.Contains("kw@" + domain, StringComparison.Ordinal) && l.Contains("550", StringComparison.Ordinal));
        for (var waited = 0; Refusals() == 0 && waited < 100; waited++)
            await Task.Delay(50);
        Refusals().ShouldBe(1, Sink.Log);

        // And the same day's admin report and the team lead's digest name it
        await worker.Cycle.DigestAsync(Day, None);
        var reported = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        reported.Sent.ShouldBe(2, Sink.Log);
        var admin = Sink.MessagesTo("admin@" + domain).ShouldHaveSingleItem();
        admin.NoticeKey.ShouldBe("admin/2026-06-05");
        admin.Text.ShouldContain("nicht zustellbar");
        var digest = Sink.MessagesTo("lead@" + domain).ShouldHaveSingleItem();
        digest.NoticeKey.ShouldBe("digest/S-2/2026-06-05");
        digest.Text.ShouldContain("nicht zustellbar");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_ServerDownThenUp_FailedWithFutureRetryThenSentExactlyOnce(TestEngine engine)
    {
        // Given: nothing listens on the configured port yet
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain));
        var port = SmtpSink.FreePort();
        var clock = NineOClock();
        using var worker = TestWorker.Smtp(db, clock, port, domain);
        await worker.Cycle.ScanAsync(Day, None);

        // When: down
        var down = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        var failed = await worker.RowAsync(ReminderKey());

        // Then
        down.Retrying.ShouldBe(1);
        failed.State.ShouldBe(NoticeState.Failed);
        failed.Attempts.ShouldBe(1);
        failed.NextAttemptAt.ShouldBeGreaterThan(clock.UtcNow);

        // When: up again, before and after the retry time
        await using var sink = await SmtpSink.StartAsync(fixture.Folder.Combine("down-" + Guid.NewGuid().ToString("N")[..8]), fixture.Folder.Combine("none.json"), port);
        var early = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var up = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        var again = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then
        early.Claimed.ShouldBe(0);
        up.Sent.ShouldBe(1, sink.Log);
        again.Claimed.ShouldBe(0);
        (await worker.RowAsync(ReminderKey())).State.ShouldBe(NoticeState.Sent);
        sink.Messages().ShouldHaveSingleItem().NoticeKey.ShouldBe(ReminderKey());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_RestartBetweenLedgerWriteAndSend_EachNoticeSentOnce(TestEngine engine)
    {
        // Given: one worker writes three notices and goes away before sending
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain, cases: 3));
        var clock = NineOClock();
        using (var first = TestWorker.Smtp(db, clock, Sink.Port, domain))
        {
            (await first.Cycle.ScanAsync(Day, None)).ShouldBe(3);
        }

        // When: the restarted worker scans again and dispatches, twice
        using var second = TestWorker.Smtp(db, clock, Sink.Port, domain);
        var rescanned = await second.Cycle.ScanAsync(Day, None);
        var sent = await second.Cycle.DispatchAsync(Day, officeOpen: true, None);
        clock.Advance(TimeSpan.FromMinutes(15));
        var rescannedLater = await second.Cycle.ScanAsync(Day, None);
        var sentLater = await second.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then
        rescanned.ShouldBe(0);
        sent.Sent.ShouldBe(3);
        rescannedLater.ShouldBe(0);
        sentLater.Claimed.ShouldBe(0);
        Sink.MessagesTo(domain).Select(m => m.NoticeKey).ShouldBe([ReminderKey(1), ReminderKey(2), ReminderKey(3)], ignoreOrder: true);
        var rows = await second.RowsAsync();
        rows.Count.ShouldBe(3);
        rows.ShouldAllBe(r => r.State == NoticeState.Sent && r.Attempts == 1);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_ClaimedByAWorkerThatCrashed_TakenOverAfterTheLeaseAndSentOnce(TestEngine engine)
    {
        // Given: a worker claimed the notice (state sending, lease 5 minutes) and died before sending
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain));
        var clock = NineOClock();
        using (var crashed = TestWorker.Smtp(db, clock, Sink.Port, domain))
        {
            await crashed.Cycle.ScanAsync(Day, None);
            var claimed = await crashed.Ledger.ClaimAsync("crashed-worker", clock.UtcNow, clock.UtcNow, Day, true, TimeSpan.FromMinutes(5), 20, None);
            claimed.ShouldHaveSingleItem().NoticeKey.ShouldBe(ReminderKey());
        }

        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain);

        // When
        var withinLease = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        var sending = await worker.RowAsync(ReminderKey());
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var afterLease = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        var again = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then
        withinLease.Claimed.ShouldBe(0);
        sending.State.ShouldBe(NoticeState.Sending);
        afterLease.Sent.ShouldBe(1);
        again.Claimed.ShouldBe(0);
        (await worker.RowAsync(ReminderKey())).State.ShouldBe(NoticeState.Sent);
        Sink.MessagesTo(domain).ShouldHaveSingleItem().NoticeKey.ShouldBe(ReminderKey());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_TwoWorkersAtOnce_EachNoticeSentOnce(TestEngine engine)
    {
        // Given: six notices, two worker instances on one database
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain, cases: 6));
        var clock = NineOClock();
        using var one = TestWorker.Smtp(db, clock, Sink.Port, domain);
        using var two = TestWorker.Smtp(db, clock, Sink.Port, domain);
        await Task.WhenAll(one.Cycle.ScanAsync(Day, None), two.Cycle.ScanAsync(Day, None));

        // When
        var results = await Task.WhenAll(one.Cycle.DispatchAsync(Day, true, None), two.Cycle.DispatchAsync(Day, true, None));

        // Then
        results.Sum(r => r.Sent).ShouldBe(6);
        var keys = Sink.MessagesTo(domain).Select(m => m.NoticeKey).ToList();
        keys.Count.ShouldBe(6);
        keys.Distinct().Count().ShouldBe(6);
        (await one.RowsAsync()).Count.ShouldBe(6);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_OutsideOfficeHours_OnlyTheImmediateF06GoesTheRestNextBusinessMorning(TestEngine engine)
    {
        // Given: Friday 05.06.2026 19:30 in Magdeburg; an F06 (third missed appointment today) and an F01 reminder owed
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain, missedAppointments: true));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(19, 30));
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain);
        (await worker.Cycle.ScanAsync(Day, None)).ShouldBe(2);

        // When: Friday evening
        var evening = await worker.Cycle.DispatchAsync(Day, worker.Cycle.IsOfficeOpen(), None);

        // Then: F06 to the case manager, key worker and team lead in Cc
        evening.Sent.ShouldBe(1, Sink.Log);
        var notice = Sink.MessagesTo(domain).ShouldHaveSingleItem();
        notice.NoticeKey.ShouldBe(MissedAppointmentsKey);
        notice.Recipients.ShouldBe(["cm@" + domain, "kw@" + domain, "lead@" + domain], ignoreOrder: true);
        notice.Header("To").ShouldNotBeNull().ShouldContain("cm@" + domain);
        notice.Header("Cc").ShouldNotBeNull().ShouldContain("kw@" + domain);
        notice.Header("Cc").ShouldNotBeNull().ShouldContain("lead@" + domain);
        (await worker.RowAsync(ReminderKey())).State.ShouldBe(NoticeState.Pending);

        // When: Saturday 10:00, then Monday 08.06. 07:00
        clock.UtcNow = ManualTimeProvider.OfficeInstant(new DateOnly(2026, 6, 6), new TimeOnly(10, 0));
        var saturday = await worker.Cycle.DispatchAsync(new DateOnly(2026, 6, 6), worker.Cycle.IsOfficeOpen(), None);
        clock.UtcNow = ManualTimeProvider.OfficeInstant(new DateOnly(2026, 6, 8), new TimeOnly(7, 0));
        var monday = await worker.Cycle.DispatchAsync(new DateOnly(2026, 6, 8), worker.Cycle.IsOfficeOpen(), None);

        // Then
        saturday.Claimed.ShouldBe(0);
        monday.Sent.ShouldBe(1);
        Sink.MessagesTo("kw@" + domain).Select(m => m.NoticeKey).ShouldBe([MissedAppointmentsKey, ReminderKey()], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_CrashedClaimExpiresAfterOfficeHours_TakenOverOnlyInOfficeHours(TestEngine engine)
    {
        // Given: Friday 17:58 a worker claimed the F01 reminder and died; its lease ends at 18:03, after office hours
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(17, 58));
        using (var crashed = TestWorker.Smtp(db, clock, Sink.Port, domain))
        {
            await crashed.Cycle.ScanAsync(Day, None);
            (await crashed.Ledger.ClaimAsync("crashed-worker", clock.UtcNow, clock.UtcNow, Day, true, TimeSpan.FromMinutes(5), 20, None)).Count.ShouldBe(1);
        }

        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain);

        // When: the dispatch job at 19:30 (office closed), then Monday 08:00
        clock.UtcNow = ManualTimeProvider.OfficeInstant(Day, new TimeOnly(19, 30));
        var evening = await worker.Cycle.DispatchAsync(Day, worker.Cycle.IsOfficeOpen(), None);
        var sentInTheEvening = Sink.MessagesTo(domain).Count;
        clock.UtcNow = ManualTimeProvider.OfficeInstant(new DateOnly(2026, 6, 8), new TimeOnly(8, 0));
        var monday = await worker.Cycle.DispatchAsync(new DateOnly(2026, 6, 8), worker.Cycle.IsOfficeOpen(), None);

        // Then: "mails only on business days within Notifications:OfficeHours" holds for taken-over notices too
        sentInTheEvening.ShouldBe(0, "a non-urgent reminder went out at 19:30 on Friday");
        evening.Claimed.ShouldBe(0);
        monday.Sent.ShouldBe(1);
        Sink.MessagesTo(domain).ShouldHaveSingleItem().NoticeKey.ShouldBe(ReminderKey());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_RejectedAfterTheDaysDigestRun_ReportedInTheNextAdminReport(TestEngine engine)
    {
        // Given: the scheduled day: Friday 07:30 the digest job plans the day's digests (no data problem yet) and
        // dispatches; the key worker's address is rejected with 550 in that same dispatch
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain));
        Sink.Reply("kw@" + domain, "550 5.1.1 User unknown");
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(7, 30));
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain);
        await worker.Cycle.DigestAsync(Day, None);
        (await worker.Cycle.DispatchAsync(Day, officeOpen: true, None)).Dead.ShouldBe(1);

        // When: the next business day's digest job, Monday 08.06.2026 07:30
        var monday = new DateOnly(2026, 6, 8);
        clock.UtcNow = ManualTimeProvider.OfficeInstant(monday, new TimeOnly(7, 30));
        await worker.Cycle.DigestAsync(monday, None);
        await worker.Cycle.DispatchAsync(monday, officeOpen: true, None);

        // Then: the dead notice is reported to Notifications:AdminEmail at some point, not only stored
        (await DeliveryProblemsAsync(db, ReminderKey())).ShouldBe(1);
        Sink.MessagesTo("admin@" + domain).ShouldContain(m => m.Text.Contains("nicht zustellbar", StringComparison.Ordinal),
            "admin reports: " + string.Join(", ", Sink.MessagesTo("admin@" + domain).Select(m => m.NoticeKey)));
    }
}
