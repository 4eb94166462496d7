using System.Text.RegularExpressions;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Notifications;

/// <summary>
/// Issue 10: "The admin report: a real salutation, staff by name, and a count that matches the scan log." And "Every
/// mail says whom to contact when its data is wrong." The real binary, `run --once` with Notifications:AdminEmail,
/// AdminName and DataContact set, on data with an inactive key worker (a data problem).
/// </summary>
public sealed partial class AdminReportCountProcessTests
{
    private const string AsOf = "2026-06-05";

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunOnce_AdminReportCountsWhatTheScanLogged_GreetsByNameAndNamesTheContact(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var domain = NewDomain();
        var folder = db.Folder.WriteImportFolder(Files(domain, cases: 2, missedAppointments: true, inactiveKeyWorker: true), "export");
        (await QevProcess.RunAsync(db.Folder.Path, "import", folder, "--db", db.ConnectionString)).ExitCode.ShouldBe(0);
        var settings = new Dictionary<string, string>
        {
            ["Notifications__AdminEmail"] = "admin@" + domain,
            ["Notifications__AdminName"] = "Frau Berger",
            ["Notifications__DataContact"] = "Support Fachverfahren, Tel. 0391 540-1234",
        };

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, settings, "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        var logged = ScanLine().Match(result.StdOut + result.StdErr);
        logged.Success.ShouldBeTrue(result.ToString());
        var count = int.Parse(logged.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        count.ShouldBeGreaterThan(0);
        var mails = SmtpMessage.ReadFolder(db.Folder.Combine("mail-out"));
        var admin = mails.Single(m => m.NoticeKey == "admin/" + AsOf);
        admin.Header("Subject").ShouldBe($"Datenprobleme QeV.Worker 05.06.2026: {count}");
        admin.Text.ShouldContain("Guten Tag Frau Berger,");
        admin.Text.ShouldNotContain("Guten Tag Administration");
        ReportLine().Match(result.StdOut + result.StdErr).Groups[1].Value.ShouldBe(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        mails.ShouldAllBe(m => m.Text.Contains("Support Fachverfahren, Tel. 0391 540-1234", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"Bericht an die Administration ""?05\.06\.2026""?: (\d+) Datenprobleme")]
    private static partial Regex ReportLine();

    [GeneratedRegex(@"Scan ""?05\.06\.2026""?: \d+ Fristen, \d+ Nachrichten fällig, davon \d+ neu, (\d+) Datenprobleme")]
    private static partial Regex ScanLine();
}
