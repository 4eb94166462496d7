using System.Globalization;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Notifications;

/// <summary>
/// `qev run --once --as-of D` in its own process with Mail:Mode Smtp against the SMTP sink on loopback (settings
/// through the environment, as an operator sets them): repeated runs for one day deliver every mail once; a 550 makes
/// the notice dead, the exit code 3, and the next run reports it to Notifications:AdminEmail.
/// </summary>
public sealed class RunOnceSmtpProcessTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private const string AsOf = "2026-06-05";

    private SmtpSink Sink => fixture.Sink;

    private Dictionary<string, string> Environment(string domain) => new()
    {
        ["Mail__Mode"] = "Smtp",
        ["Mail__Smtp__Host"] = "127.0.0.1",
        ["Mail__Smtp__Port"] = Sink.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail__Smtp__UseStartTls"] = "false",
        ["Notifications__AdminEmail"] = "admin@" + domain,
        ["Notifications__ImmediateRetryDelay"] = "00:00:00.020",
        ["Notifications__Bundle"] = "false",
    };

    private static async Task ImportAsync(TestDatabase db, Dictionary<string, string> files)
    {
        var import = await QevProcess.RunAsync(db.Folder.Path, "import", db.Folder.WriteImportFolder(files, "export"), "--db", db.ConnectionString);
        import.ExitCode.ShouldBe(0, import.ToString());
    }

    private Task<QevResult> RunOnceAsync(TestDatabase db, string domain) =>
        QevProcess.RunAsync(db.Folder.Path, Environment(domain), "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunOnce_SameDayThreeTimes_EveryMailDeliveredOnce(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var domain = NewDomain();
        await ImportAsync(db, Files(domain, cases: 2, missedAppointments: true, inactiveKeyWorker: true));

        // When
        var first = await RunOnceAsync(db, domain);
        var second = await RunOnceAsync(db, domain);
        var third = await RunOnceAsync(db, domain);

        // Then: three F01 reminders (C-9's to the deputy of the inactive S-5), F06, the digest, the admin report
        first.ExitCode.ShouldBe(0, first.ToString());
        first.StdOut.ShouldContain("6 Nachrichten neu vorgemerkt, 6 versendet", Case.Sensitive, first.ToString());
        second.ExitCode.ShouldBe(0, second.ToString());
        second.StdOut.ShouldContain("0 Nachrichten neu vorgemerkt, 0 versendet", Case.Sensitive, second.ToString());
        third.StdOut.ShouldContain("0 Nachrichten neu vorgemerkt, 0 versendet", Case.Sensitive, third.ToString());
        var mails = Sink.MessagesTo(domain);
        mails.Select(m => m.NoticeKey).ShouldBe(
            [ReminderKey(1), ReminderKey(2), ReminderKey(9, "S-5"), MissedAppointmentsKey, "digest/S-2/2026-06-05", "admin/2026-06-05"],
            ignoreOrder: true);
        mails.ShouldAllBe(m => m.Header("Auto-Submitted") == "auto-generated");
        Sink.MessagesTo("gone@" + domain).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunOnce_ServerRejects550_ExitThreeNoticeDeadThenReportedToAdmin(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var domain = NewDomain();
        await ImportAsync(db, Files(domain));
        Sink.Reply("kw@" + domain, "550 5.1.1 User unknown");

        // When
        var first = await RunOnceAsync(db, domain);
        var second = await RunOnceAsync(db, domain);
        var third = await RunOnceAsync(db, domain);

        // Then
        first.ExitCode.ShouldBe(3, first.ToString());
        first.StdOut.ShouldContain("05.06.2026: 2 Nachrichten neu vorgemerkt, 1 versendet (Mails: 1), 0 zur Wiederholung, 1 unzustellbar.", Case.Sensitive, first.ToString());
        (await db.ScalarAsync<string>("SELECT state FROM notices WHERE notice_key = @key", new { key = ReminderKey() })).ShouldBe("dead");
        (await db.ScalarAsync<long>("SELECT attempts FROM notices WHERE notice_key = @key", new { key = ReminderKey() })).ShouldBe(1);
        Sink.MessagesTo("kw@" + domain).ShouldBeEmpty();
        second.ExitCode.ShouldBe(0, second.ToString());
        third.StdOut.ShouldContain("0 Nachrichten neu vorgemerkt, 0 versendet", Case.Sensitive, third.ToString());
        Sink.MessagesTo("admin@" + domain).ShouldHaveSingleItem().Text.ShouldContain("nicht zustellbar");
        Sink.MessagesTo("lead@" + domain).ShouldHaveSingleItem().NoticeKey.ShouldBe("digest/S-2/2026-06-05");
    }
}
