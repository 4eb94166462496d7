using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Dispatch.Delivery;

/// <summary>
/// `qev run --once` in its own process against a mail server that is not there or does not answer (delivery issue):
/// the run is bounded, nothing becomes dead, the exit code says owed notices are left, and stdout names the fault once.
/// </summary>
public sealed class DeliveryProcessTests
{
    private const string AsOf = "2026-06-05";

    private static async Task<TestDatabase> ImportedAsync(string domain, int cases)
    {
        var db = await TestDatabase.CreateAsync();
        var import = await QevProcess.RunAsync(db.Folder.Path, "import", db.Folder.WriteImportFolder(Files(domain, cases: cases), "export"), "--db", db.ConnectionString);
        import.ExitCode.ShouldBe(0, import.ToString());
        return db;
    }

    private static Dictionary<string, string> Smtp(int port, string timeout = "00:00:30") => new()
    {
        ["Mail__Mode"] = "Smtp",
        ["Mail__Smtp__Host"] = "127.0.0.1",
        ["Mail__Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Mail__Smtp__UseStartTls"] = "false",
        ["Mail__Smtp__Timeout"] = timeout,
    };

    [Fact]
    public async Task RunOnce_PortRefused_EndsWithinAMinuteExitFourNothingDead()
    {
        // Given: 36 owed reminders and a digest, nobody listens on the port; the default immediate retries stay on
        var domain = NewDomain();
        using var db = await ImportedAsync(domain, cases: 36);
        var port = SmtpSink.FreePort();

        // When
        var watch = Stopwatch.StartNew();
        var result = await QevProcess.RunAsync(db.Folder.Path, Smtp(port), "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);
        watch.Stop();

        // Then
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(1), result.ToString());
        result.ExitCode.ShouldBe(4, result.ToString());
        result.StdOut.ShouldContain($"Versand angehalten: Verbindung zu 127.0.0.1:{port} abgelehnt", Case.Sensitive, result.ToString());
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices WHERE kind = 'reminder'")).ShouldBe(36);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices WHERE state NOT IN ('pending', 'failed')")).ShouldBe(0, result.ToString());
        result.StdErr.Split('\n').Count(l => l.Contains("Versand angehalten", StringComparison.Ordinal)).ShouldBe(1, result.ToString());
    }

    [Fact]
    public async Task RunOnce_ServerAcceptsButNeverAnswers_EndsWithinThreeTimesTheTimeout()
    {
        // Given: a socket that listens (the kernel completes the handshake) but never greets
        var domain = NewDomain();
        using var db = await ImportedAsync(domain, cases: 24);
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(backlog: 64);
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var timeout = TimeSpan.FromSeconds(8);

        // When
        var watch = Stopwatch.StartNew();
        var result = await QevProcess.RunAsync(db.Folder.Path, Smtp(port, "00:00:08"), "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);
        watch.Stop();

        // Then: process start included
        watch.Elapsed.ShouldBeLessThan(timeout * 3, result.ToString());
        result.ExitCode.ShouldBe(4, result.ToString());
        result.StdOut.ShouldContain($"Mailserver: Keine Antwort von 127.0.0.1:{port} innerhalb von 8 s", Case.Sensitive, result.ToString());
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices WHERE state NOT IN ('pending', 'failed')")).ShouldBe(0, result.ToString());
    }
}
