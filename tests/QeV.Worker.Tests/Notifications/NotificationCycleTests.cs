using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QeV.Worker.Dispatch;
using QeV.Worker.Dispatch.Delivery;
using QeV.Worker.Ledger;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.DispatchTestSetup;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Notifications;

/// <summary>
/// The cycle in one process with Mail:Mode Pickup (.eml files in a folder), both engines: `run --once` twice on one
/// day sends nothing new; digests at most once per lead and day; unreachable people become data problems that the
/// digest and the admin report list and that get no mail; days off and office hours; TLS required off loopback.
/// </summary>
public sealed class NotificationCycleTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static Dictionary<string, string?> Admin(string domain) => new() { ["Notifications:AdminEmail"] = "admin@" + domain };

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunOnce_SameDayTwiceAndAfterARestart_NothingNewTheSecondTime(TestEngine engine)
    {
        // Given
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain, cases: 2, inactiveKeyWorker: true));
        var outbox = db.Folder.Combine("mail-out");
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(7, 30));

        // When
        OnceSummary first, second, restarted;
        using (var worker = TestWorker.Pickup(db, clock, outbox, Admin(domain)))
        {
            first = OnceSummary.Of(await worker.Cycle.RunOnceAsync(Day, None));
            clock.Advance(TimeSpan.FromHours(2));
            second = OnceSummary.Of(await worker.Cycle.RunOnceAsync(Day, None));
        }

        var afterSecond = SmtpMessage.ReadFolder(outbox).Count;
        using (var worker = TestWorker.Pickup(db, clock, outbox, Admin(domain)))
        {
            restarted = OnceSummary.Of(await worker.Cycle.RunOnceAsync(Day, None));
        }

        // Then: two reminders, the reminder for C-9 to the deputy, the team lead's digest, the admin report
        first.ShouldBe(new OnceSummary(5, 5, 0, 0));
        second.ShouldBe(new OnceSummary(0, 0, 0, 0));
        restarted.ShouldBe(new OnceSummary(0, 0, 0, 0));
        var mails = SmtpMessage.ReadFolder(outbox);
        mails.Count.ShouldBe(afterSecond);
        mails.Select(m => m.NoticeKey).ShouldBe(
            [ReminderKey(1), ReminderKey(2), ReminderKey(9, "S-5"), "digest/S-2/2026-06-05", "admin/2026-06-05"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunOnce_InactiveKeyWorker_NoMailToTheirAddressDataProblemInDigestAndAdminReport(TestEngine engine)
    {
        // Given: S-5 (gone@, inactive, deputy S-4) is the key worker of C-9
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain, inactiveKeyWorker: true));
        var outbox = db.Folder.Combine("mail-out");
        using var worker = TestWorker.Pickup(db, ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0)), outbox, Admin(domain));

        // When
        await worker.Cycle.RunOnceAsync(Day, None);

        // Then
        var mails = SmtpMessage.ReadFolder(outbox);
        mails.ShouldNotBeEmpty();
        mails.ShouldAllBe(m => !m.Raw.Contains("gone@" + domain, StringComparison.OrdinalIgnoreCase));
        var reminder = mails.Single(m => m.NoticeKey == ReminderKey(9, "S-5"));
        reminder.Header("To").ShouldNotBeNull().ShouldContain("deputy@" + domain);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM data_problems WHERE staff_id = 'S-5' AND problem = 'nicht mehr aktiv'")).ShouldBe(1);
        var digest = mails.Single(m => m.NoticeKey == "digest/S-2/2026-06-05");
        digest.Header("To").ShouldNotBeNull().ShouldContain("lead@" + domain);
        digest.Raw.ShouldContain("nicht mehr aktiv");
        var admin = mails.Single(m => m.NoticeKey == "admin/2026-06-05");
        admin.Header("To").ShouldNotBeNull().ShouldContain("admin@" + domain);
        admin.Raw.ShouldContain("nicht mehr aktiv");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Digest_TwiceOnOneDay_AtMostOnePerLead(TestEngine engine)
    {
        // Given
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain));
        using var worker = TestWorker.Pickup(db, ManualTimeProvider.AtOffice(Day, new TimeOnly(7, 30)), db.Folder.Combine("mail-out"));

        // When
        var first = await worker.Cycle.DigestAsync(Day, None);
        var second = await worker.Cycle.DigestAsync(Day, None);

        // Then
        first.ShouldBeGreaterThan(0);
        second.ShouldBe(0);
        (await worker.RowsAsync()).Count(r => r.Kind == "digest").ShouldBe(1);
    }

    [Fact]
    public async Task Scan_OnSaturday_OnlyTheImmediateF06IsPlanned()
    {
        // Given: nothing ran on Friday 05.06.; on Saturday the F06 of Friday and the F01 reminder are both owed
        var domain = NewDomain();
        using var db = await DatabaseAsync(TestEngine.Sqlite, Files(domain, missedAppointments: true));
        var saturday = new DateOnly(2026, 6, 6);
        using var worker = TestWorker.Pickup(db, ManualTimeProvider.AtOffice(saturday, new TimeOnly(10, 0)), db.Folder.Combine("mail-out"));

        // When
        var planned = await worker.Cycle.ScanAsync(saturday, None);
        var digests = await worker.Cycle.DigestAsync(saturday, None);

        // Then
        planned.ShouldBe(1);
        digests.ShouldBe(0);
        (await worker.RowsAsync()).ShouldHaveSingleItem().NoticeKey.ShouldBe(MissedAppointmentsKey);
    }

    [Fact]
    public async Task RunOnce_WithoutDateAtNight_PlansButSendsOnlyInOfficeHoursWithDateAsIfInOfficeHours()
    {
        // Given: Friday 05.06.2026 23:00 in Magdeburg
        var domain = NewDomain();
        using var db = await DatabaseAsync(TestEngine.Sqlite, Files(domain));
        var outbox = db.Folder.Combine("mail-out");
        using var worker = TestWorker.Pickup(db, ManualTimeProvider.AtOffice(Day, new TimeOnly(23, 0)), outbox);

        // When
        var today = await worker.Cycle.RunOnceAsync(null, None);
        var sentAtNight = SmtpMessage.ReadFolder(outbox).Count;
        var asOf = await worker.Cycle.RunOnceAsync(Day, None);

        // Then
        today.Day.ShouldBe(Day);
        today.Planned.ShouldBe(2);
        today.Dispatched.Claimed.ShouldBe(0);
        sentAtNight.ShouldBe(0);
        asOf.Dispatched.Sent.ShouldBe(2);
        SmtpMessage.ReadFolder(outbox).Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunOnce_FulfilledBetweenPlanningAndSending_NoReminderForIt(TestEngine engine)
    {
        // Given: Friday 05.06.2026 19:00 the cron run plans the F01 reminder but may not send it (office closed);
        // on Saturday the Entwicklungsbericht for M-1 is imported
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain));
        var outbox = db.Folder.Combine("mail-out");
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(19, 0));
        using var worker = TestWorker.Pickup(db, clock, outbox);
        (await worker.Cycle.RunOnceAsync(null, None)).Planned.ShouldBeGreaterThan(0);
        await db.ImportAsync(new Dictionary<string, string>
        {
            ["reports.csv"] = ImportFiles.Lines(
                "report_id,kind,organisation_id,case_id,meeting_id,period,received_date",
                "R-1,entwicklungsbericht,TR-1,C-1,M-1,,2026-06-06"),
        });

        // When: Monday 08.06.2026 08:00
        clock.UtcNow = ManualTimeProvider.OfficeInstant(new DateOnly(2026, 6, 8), new TimeOnly(8, 0));
        await worker.Cycle.RunOnceAsync(null, None);

        // Then: "A reminder is never sent for something already fulfilled"
        SmtpMessage.ReadFolder(outbox).Select(m => m.NoticeKey).ShouldNotContain(ReminderKey());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Scan_OwedReminder_LedgerRowCarriesItsRuleSubjectCaseAndRecipient(TestEngine engine)
    {
        // Given
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain));
        using var worker = TestWorker.Pickup(db, ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0)), db.Folder.Combine("mail-out"));

        // When
        (await worker.Cycle.ScanAsync(Day, None)).ShouldBe(1);

        // Then: the columns `requeue --rule`, `history` and the admin's own queries select by (PostgreSQL writes them by COPY)
        var row = await worker.RowAsync(ReminderKey());
        (row.Kind, row.Rule, row.SubjectId, row.CaseId, row.DueDate, row.Stage).ShouldBe(("reminder", "F01", "M-1", "C-1", new DateOnly(2026, 6, 10), "reminder-3bd"));
        (row.RecipientStaffId, row.ToStaffId, row.ToAddress, row.PlannedFor, row.Urgent).ShouldBe(("S-3", "S-3", "kw@" + domain, Day, false));
        (row.State, row.Attempts).ShouldBe((NoticeState.Pending, 0));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Ledger_SomeOfTheOwedAlreadyStored_AddsOnlyTheOthers(TestEngine engine)
    {
        // Given: three cases owe their reminders; one of them is in the ledger already
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain, cases: 3));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Pickup(db, clock, db.Folder.Combine("mail-out"));
        var snapshot = await worker.Cycle.OpenDeadlinesAsync(Day, None);
        var owed = worker.Services.GetRequiredService<QeV.Domain.Planning.NoticePlanner>().Plan(snapshot, Day).Notices.ToList();
        owed.Select(n => n.Key).ShouldBe([ReminderKey(1), ReminderKey(2), ReminderKey(3)], ignoreOrder: true);
        (await worker.Ledger.AddAsync([owed[1]], clock.GetUtcNow(), None)).ShouldBe(1);

        // When
        var added = await worker.Ledger.AddAsync(owed, clock.GetUtcNow(), None);

        // Then
        added.ShouldBe(2);
        (await db.QueryAsync<string>("SELECT notice_key FROM notices")).ShouldBe(owed.Select(n => n.Key), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_ContentUnreadable_DeadWithTheReasonTheOtherSent(TestEngine engine)
    {
        // Given: two owed reminders; the stored content of C-1's is broken (written by hand)
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain, cases: 2));
        var outbox = db.Folder.Combine("mail-out");
        using var worker = TestWorker.Pickup(db, ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0)), outbox);
        (await worker.Cycle.ScanAsync(Day, None)).ShouldBe(2);
        await db.ExecuteAsync("UPDATE notices SET content = '{kein json' WHERE notice_key = @key", new { key = ReminderKey() });

        // When
        var result = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then: that one is given up with the reason, nothing is sent for it, the other goes
        (result.Sent, result.Dead).ShouldBe((1, 1));
        SmtpMessage.ReadFolder(outbox).Select(m => m.NoticeKey).ShouldBe([ReminderKey(2)]);
        var row = await worker.RowAsync(ReminderKey());
        row.State.ShouldBe(NoticeState.Dead);
        row.LastError.ShouldNotBeNull().ShouldStartWith("Inhalt nicht lesbar: ");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_ReportArrivesAfterTheScan_ThatReminderObsoleteTheOtherSent(TestEngine engine)
    {
        // Given: the morning's scan plans the F01 reminders of C-1 and C-2; then the Entwicklungsbericht for M-1 is
        // imported, and no scan runs before the dispatch
        var domain = NewDomain();
        using var db = await DatabaseAsync(engine, Files(domain, cases: 2));
        var outbox = db.Folder.Combine("mail-out");
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Pickup(db, clock, outbox);
        (await worker.Cycle.ScanAsync(Day, None)).ShouldBe(2);
        await db.ImportAsync(new Dictionary<string, string>
        {
            ["reports.csv"] = ImportFiles.Lines(
                "report_id,kind,organisation_id,case_id,meeting_id,period,received_date",
                "R-1,entwicklungsbericht,TR-1,C-1,M-1,,2026-06-05"),
        });

        // When
        var result = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then: the dispatch's own refresh of the deadlines table saw the report
        (result.Sent, result.Obsolete).ShouldBe((1, 1));
        SmtpMessage.ReadFolder(outbox).Select(m => m.NoticeKey).ShouldBe([ReminderKey(2)]);
        var row = await worker.RowAsync(ReminderKey());
        (row.State, row.LastError).ShouldBe((NoticeState.Obsolete, "Frist inzwischen erfüllt oder entfallen"));
    }

    [Theory]
    [InlineData("2026-06-05", "06:59", false)]
    [InlineData("2026-06-05", "07:00", true)]
    [InlineData("2026-06-05", "17:59", true)]
    [InlineData("2026-06-05", "18:00", false)]
    [InlineData("2026-06-06", "10:00", false)]
    [InlineData("2026-05-25", "10:00", false)]
    [InlineData("2026-01-06", "10:00", false)]
    [InlineData("2026-01-07", "10:00", true)]
    [InlineData("2026-12-01", "07:30", true)]
    public async Task IsOfficeOpen_BusinessDayWithinOfficeHoursInBerlin(string day, string time, bool open)
    {
        // Given: default office hours 07:00-18:00, Europe/Berlin, Sachsen-Anhalt (25.05.2026 Pfingstmontag, 06.01.2026
        // Heilige Drei Könige; 01.12. in winter time)
        using var db = await TestDatabase.CreateAsync();
        var clock = ManualTimeProvider.AtOffice(
            DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));
        using var worker = TestWorker.Pickup(db, clock, db.Folder.Combine("mail-out"));

        // When
        var isOpen = worker.Cycle.IsOfficeOpen();

        // Then
        isOpen.ShouldBe(open);
    }

    [Fact]
    public async Task Start_NoMailSettings_PickupIsTheDefault()
    {
        // Given
        using var db = await TestDatabase.CreateAsync();

        // When
        using var worker = TestWorker.Start(db, TimeProvider.System, []);

        // Then
        ((IOptions<MailOptions>)worker.Services.GetService(typeof(IOptions<MailOptions>))!).Value.Mode.ShouldBe(MailMode.Pickup);
    }

    [Theory]
    [InlineData("mail.example.de", "false", "false", false)]
    [InlineData("mail.example.de", "true", "false", true)]
    [InlineData("mail.example.de", "false", "true", true)]
    [InlineData("127.0.0.1", "false", "false", true)]
    [InlineData("localhost", "false", "false", true)]
    public async Task Start_SmtpWithoutTls_OnlyToLoopbackOrWhenAllowed(string host, string startTls, string allowInsecure, bool starts)
    {
        // Given
        using var db = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Smtp",
            ["Mail:Smtp:Host"] = host,
            ["Mail:Smtp:UseStartTls"] = startTls,
            ["Mail:Smtp:AllowInsecure"] = allowInsecure,
        };

        // When
        var failure = Record.Exception(() => TestWorker.Start(db, TimeProvider.System, settings).Dispose());

        // Then
        if (starts)
        {
            failure.ShouldBeNull();
        }
        else
        {
            var failures = failure is AggregateException many ? many.Flatten().InnerExceptions.ToList() : [failure.ShouldNotBeNull()];
            failures.ShouldNotBeEmpty();
            failures.ShouldAllBe(f => f is OptionsValidationException);
            failures.ShouldContain(f => f.Message.Contains("Mail:Smtp:UseStartTls", StringComparison.Ordinal));
        }
    }

    /// <summary>What one `run --once` did, comparable in one assertion.</summary>
    private sealed record OnceSummary(int Planned, int Sent, int Retrying, int Dead)
    {
        public static OnceSummary Of(QeV.Worker.Notifications.OnceResult r) =>
            new(r.Planned, r.Dispatched.Sent, r.Dispatched.Retrying, r.Dispatched.Dead);
    }
}
