using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Notifications;

/// <summary>
/// Bad facts never stop everyone's mail, end to end. Seed 000, Hilfeplanverfahren: "In Vorbereitung der
/// Hilfeplanfortschreibung erhält die fallführende Fachkraft zwei Wochen vorab einen Entwicklungsbericht" — a
/// Fortschreibung dated in year 0001 (written by another tool than the import, which refuses it) has no "zwei Wochen
/// vorab"; `deadlines` and `run --once` go on for everyone else and name the case.
/// </summary>
public sealed class BadFactsProcessTests
{
    [Fact]
    public async Task DeadlinesAndRunOnce_MeetingInYearOneInTheDatabase_NeitherCrashesAndTheRestIsSent()
    {
        // Given: two cases imported; then another tool writes year 0001 into C-2's Fortschreibung
        using var db = await TestDatabase.CreateAsync();
        var domain = NewDomain();
        var folder = db.Folder.WriteImportFolder(Files(domain, cases: 2), "export");
        (await QevProcess.RunAsync(db.Folder.Path, "import", folder, "--db", db.ConnectionString)).ExitCode.ShouldBe(0);
        await db.ExecuteAsync("UPDATE meetings SET date = '0001-01-01' WHERE meeting_id = 'M-2'");

        // When
        var report = await QevProcess.RunAsync(db.Folder.Path, "deadlines", "--as-of", "2026-06-05", "--format", "json", "--db", db.ConnectionString);
        var once = await QevProcess.RunAsync(db.Folder.Path, "run", "--once", "--as-of", "2026-06-05", "--db", db.ConnectionString);

        // Then
        report.ExitCode.ShouldBe(0, report.ToString());
        report.StdOut.ShouldContain("\"subjectId\": \"M-1\"");
        report.StdOut.ShouldNotContain("\"subjectId\": \"M-2\"");
        report.StdErr.ShouldContain("Regel F01 konnte für 51.2-1002/26 nicht berechnet werden");
        once.ExitCode.ShouldBe(0, once.ToString());
        var mails = SmtpMessage.ReadFolder(db.Folder.Combine("mail-out"));
        mails.Select(m => m.NoticeKey).ShouldContain(ReminderKey(1));
        mails.Select(m => m.NoticeKey).ShouldContain("digest/S-2/2026-06-05");
    }
}
