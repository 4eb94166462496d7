using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Notifications;

/// <summary>
/// `qev run --once --as-of D` as cron calls it: the real binary in its own process, mail in the default mode Pickup
/// (./mail-out of the working folder). One scan, that day's digests, dispatch, exit; run again for the same day it
/// adds nothing. Every .eml carries X-QeV-Notice-Key, Auto-Submitted and the Message-ID, text and HTML; nothing goes
/// to an inactive staff member's address.
/// </summary>
public sealed class RunOnceProcessTests
{
    private const string AsOf = "2026-06-05";

    /// <summary>Imports the data set through the binary; the working folder is the database's temp folder.</summary>
    private static async Task<string> ImportAsync(TestDatabase db, string domain)
    {
        var folder = db.Folder.WriteImportFolder(Files(domain, cases: 2, missedAppointments: true, inactiveKeyWorker: true), "export");
        var import = await QevProcess.RunAsync(db.Folder.Path, "import", folder, "--db", db.ConnectionString);
        import.ExitCode.ShouldBe(0, import.ToString());
        return db.Folder.Combine("mail-out");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunOnce_SameDayTwice_SecondRunAddsNoMail(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var domain = NewDomain();
        var outbox = await ImportAsync(db, domain);

        // When
        var first = await QevProcess.RunAsync(db.Folder.Path, "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);
        var afterFirst = SmtpMessage.ReadFolder(outbox);
        var second = await QevProcess.RunAsync(db.Folder.Path, "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);

        // Then: three F01 reminders (C-9's to the deputy; the two to the key worker bundled), the F06 notice, the team lead's digest
        first.ExitCode.ShouldBe(0, first.ToString());
        first.StdOut.ShouldContain("05.06.2026: 5 Nachrichten neu vorgemerkt, 5 versendet (Mails: 4), 0 zur Wiederholung, 0 unzustellbar.", Case.Sensitive, first.ToString());
        afterFirst.SelectMany(m => m.ItemKeys).ShouldBe(
            [ReminderKey(1), ReminderKey(2), ReminderKey(9, "S-5"), MissedAppointmentsKey, "digest/S-2/2026-06-05"], ignoreOrder: true);
        foreach (var phase in new[] { "beanspruchen", "vorbereiten", "erstellen", "zustellen", "Postausgangsbuch", "Journal übernehmen" })
            first.StdOut.ShouldMatch($@"Versandschritte, summiert über die Verbindungen: .*{phase} \d+\.\d\d s", first.ToString());
        second.StdOut.ShouldNotContain("Versandschritte", Case.Sensitive, second.ToString());
        second.ExitCode.ShouldBe(0, second.ToString());
        second.StdOut.ShouldContain("05.06.2026: 0 Nachrichten neu vorgemerkt, 0 versendet (Mails: 0), 0 zur Wiederholung, 0 unzustellbar.", Case.Sensitive, second.ToString());
        SmtpMessage.ReadFolder(outbox).Select(m => m.Path).ShouldBe(afterFirst.Select(m => m.Path), ignoreOrder: true);
    }

    [Fact]
    public async Task RunOnce_EveryMail_HasNoticeKeyAutoSubmittedMessageIdAndBothParts()
    {
        // Given
        using var db = await TestDatabase.CreateAsync();
        var domain = NewDomain();
        var outbox = await ImportAsync(db, domain);

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        var mails = SmtpMessage.ReadFolder(outbox);
        mails.Count.ShouldBe(4, result.ToString());
        mails.SelectMany(m => m.ItemKeys).Count().ShouldBe(5, result.ToString());
        foreach (var mail in mails)
        {
            var key = mail.NoticeKey.ShouldNotBeNull(mail.Raw);
            mail.Header("Auto-Submitted").ShouldBe("auto-generated", mail.ToString());
            mail.Header("Message-ID").ShouldBe(QeV.Worker.Dispatch.Rendering.MailComposer.MessageIdFor(key), mail.ToString());
            mail.HasPart("text/plain").ShouldBeTrue(mail.ToString());
            mail.HasPart("text/html").ShouldBeTrue(mail.ToString());
        }

        // The key worker's two reminders come as one bundle, the deputy's alone: every mail carrying a reminder has the .ics.
        var reminders = mails.Where(m => m.ItemKeys.Any(k => k.Contains("/reminder/", StringComparison.Ordinal))).ToList();
        reminders.Count.ShouldBe(2, result.ToString());
        reminders.SelectMany(m => m.ItemKeys).Count(k => k.Contains("/reminder/", StringComparison.Ordinal)).ShouldBe(3, result.ToString());
        reminders.ShouldAllBe(m => m.HasPart("text/calendar"));
    }

    [Fact]
    public async Task RunOnce_InactiveKeyWorker_NoMailToTheirAddressTheDeputyInstead()
    {
        // Given: S-5 (gone@) left; deputy S-4 (deputy@)
        using var db = await TestDatabase.CreateAsync();
        var domain = NewDomain();
        var outbox = await ImportAsync(db, domain);

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        var mails = SmtpMessage.ReadFolder(outbox);
        mails.ShouldNotBeEmpty();
        mails.ShouldAllBe(m => !m.Raw.Contains("gone@" + domain, StringComparison.OrdinalIgnoreCase));
        mails.Single(m => m.NoticeKey == ReminderKey(9, "S-5")).Header("To").ShouldNotBeNull().ShouldContain("deputy@" + domain);
        mails.Single(m => m.NoticeKey == "digest/S-2/2026-06-05").Raw.ShouldContain("nicht mehr aktiv");
    }

    [Fact]
    public async Task RunOnce_PlainSmtpToARemoteHost_ExitsTwoWithOneLineNamingTheKey()
    {
        // Given: Mail:Mode Smtp to a host that is not loopback, STARTTLS off, AllowInsecure not set
        using var db = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            ["Mail__Mode"] = "Smtp",
            ["Mail__Smtp__Host"] = "mail.example.de",
            ["Mail__Smtp__UseStartTls"] = "false",
        };

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, settings, "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);

        // Then: refused like every other wrong setting: exit 2, one German line, no stack trace
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("Mail:Smtp:UseStartTls", Case.Sensitive, result.ToString());
        result.StdErr.ShouldNotContain("   at ", Case.Sensitive, result.ToString());
        result.StdErr.ShouldNotContain("Unhandled exception", Case.Insensitive, result.ToString());
        result.StdErrLines.Count.ShouldBe(1, result.ToString());
        SmtpMessage.ReadFolder(db.Folder.Combine("mail-out")).ShouldBeEmpty();
    }
}
