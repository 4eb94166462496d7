using System.Text.Json;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Operations;

/// <summary>
/// A short `run --once` with the Seq sink added through the environment only, and with Otlp:Endpoint set: before it
/// exits, CLEF events reach a loopback Seq stand-in with NoticeKey, Rule, CaseId and StaffId, and OTLP/HTTP posts with
/// the worker's metric names reach a loopback collector.
/// </summary>
public sealed class TelemetryProcessTests
{
    private const string AsOf = "2026-06-05";

    private static async Task<TestDatabase> ImportedAsync()
    {
        var db = await TestDatabase.CreateAsync();
        var folder = db.Folder.WriteImportFolder(Files(NewDomain(), cases: 2, missedAppointments: true), "export");
        var import = await QevProcess.RunAsync(db.Folder.Path, "import", folder, "--db", db.ConnectionString);
        import.ExitCode.ShouldBe(0, import.ToString());
        return db;
    }

    [Fact]
    public async Task RunOnce_SeqSinkFromEnvironment_ClefEventsWithNoticePropertiesArriveBeforeExit()
    {
        // Given
        using var db = await ImportedAsync();
        using var seq = new LoopbackHttpReceiver(201);
        var env = new Dictionary<string, string>
        {
            ["Serilog__WriteTo__9__Name"] = "Seq",
            ["Serilog__WriteTo__9__Args__serverUrl"] = seq.Url,
        };

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, env, "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);

        // Then: no waiting after the exit; whatever arrived, arrived before it
        result.ExitCode.ShouldBe(0, result.ToString());
        var events = seq.Requests
            .Where(r => r.Method == "POST" && r.Path.EndsWith("/api/events/raw", StringComparison.Ordinal))
            .SelectMany(r => r.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();
        events.ShouldNotBeEmpty(result.ToString());
        events.Count(e => e.TryGetProperty("@t", out var t) && e.TryGetProperty("@mt", out var mt)).ShouldBe(events.Count);
        var delivered = events.Where(e => e.GetProperty("@mt").GetString()!.Contains("zugestellt", StringComparison.Ordinal)).ToList();
        // as RunOnceProcessTests without the inactive key worker: two F01 reminders, the F06 notice, the digest
        delivered.Count.ShouldBe(4, string.Join('\n', events));
        result.StdOut.ShouldContain(", 4 versendet (Mails: 3),"); // the two reminders to the key worker go as one bundle
        var reminder = delivered.Single(e => e.GetProperty("NoticeKey").GetString() == ReminderKey(1));
        reminder.GetProperty("Rule").GetString().ShouldBe("F01");
        reminder.GetProperty("CaseId").GetString().ShouldNotBeNullOrEmpty();
        reminder.GetProperty("StaffId").GetString().ShouldBe("S-3");
        events.ShouldContain(e => e.GetProperty("@mt").GetString()!.StartsWith("Scan ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnce_OtlpEndpoint_MetricsAndTracesPostedBeforeExit()
    {
        // Given
        using var db = await ImportedAsync();
        using var collector = new LoopbackHttpReceiver();
        var env = new Dictionary<string, string> { ["Otlp__Endpoint"] = collector.Url };

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, env, "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        var metrics = collector.Requests.Where(r => r is { Method: "POST", Path: "/v1/metrics" }).ToList();
        metrics.ShouldNotBeEmpty(string.Join(", ", collector.Requests.Select(r => r.Path)));
        metrics.ShouldAllBe(r => r.ContentType == "application/x-protobuf");
        foreach (var name in new[] { "qev.deadlines", "qev.notices.sent", "qev.notices.failed", "qev.notices.dead", "qev.scan.duration",
                     "qev.dispatch.duration", "qev.notices.oldest_owed.age", "rule", "status", "F01", "upcoming" })
        {
            metrics.ShouldContain(r => r.Contains(name), $"no metrics post contains {name}");
        }

        var traces = collector.Requests.Where(r => r is { Method: "POST", Path: "/v1/traces" }).ToList();
        traces.ShouldNotBeEmpty();
        // run --once is the digest run (it scans first) and one dispatch; batches may split them over posts
        traces.ShouldContain(r => r.Contains("digest"));
        traces.ShouldContain(r => r.Contains("dispatch"));
        traces.ShouldAllBe(r => r.Contains("qev-worker"));
    }

    [Fact]
    public async Task RunOnce_NoOtlpEndpoint_NothingPosted()
    {
        // Given
        using var db = await ImportedAsync();
        using var collector = new LoopbackHttpReceiver();

        // When: the collector runs, but no setting names it
        var result = await QevProcess.RunAsync(db.Folder.Path, "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        collector.Requests.ShouldBeEmpty();
    }
}
