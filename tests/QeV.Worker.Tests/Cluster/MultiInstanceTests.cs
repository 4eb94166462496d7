using System.Globalization;
using System.Text.Json;
using Dapper;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Cluster;

/// <summary>
/// Several worker instances on one PostgreSQL share Quartz's clustered job store and claim notices with row locks:
/// "three worker processes against one PostgreSQL and one SMTP sink, with demo data; one process is killed with
/// SIGKILL in the middle of dispatch; every owed notice arrives exactly once, counted by X-QeV-Notice-Key; the digest
/// arrives once per lead."
/// </summary>
public sealed class MultiInstanceTests
{
    private const string Monday = "2026-11-23";
    private const string Morning = "2026-11-23T08:00:00+01:00";

    [Fact]
    public async Task ThreeWorkers_OneKilledDuringDelivery_EveryNoticeArrivesExactlyOnce()
    {
        // Given: the demo data in one PostgreSQL, and what a single `run --once` owes that day (the reference)
        using var folder = new TempFolder();
        using var db = await TestDatabase.CreateAsync(TestEngine.Postgres);
        using var reference = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        var fixedClock = new Dictionary<string, string> { ["Clock__Start"] = Morning };
        (await QevProcess.RunAsync(folder.Path, fixedClock, "seed-demo", "--db", db.ConnectionString)).ExitCode.ShouldBe(0);
        (await QevProcess.RunAsync(folder.Path, fixedClock, "seed-demo", "--db", reference.ConnectionString)).ExitCode.ShouldBe(0);
        var referenceMail = folder.Combine("reference-mail");
        var once = await QevProcess.RunAsync(folder.Path,
            new Dictionary<string, string> { ["Mail__PickupDirectory"] = referenceMail, ["Notifications__Bundle"] = "false" },
            "run", "--once", "--as-of", Monday, "--db", reference.ConnectionString);
        once.ExitCode.ShouldBe(0, once.ToString());
        var expected = EmlFiles.NoticeKeys(referenceMail).Order(StringComparer.Ordinal).ToList();
        expected.Count.ShouldBeGreaterThan(30);
        expected.Count(k => k.StartsWith("digest/", StringComparison.Ordinal)).ShouldBeGreaterThan(2);

        // The recipient gets exactly one mail and is in no other mail's Cc, so the RCPT the sink holds is that notice's.
        // The sink holds one recipient's RCPT for a while, so the instance delivering it can be killed mid-dispatch
        // (before the message exists: a kill after the server accepted would be the at-least-once gap of any SMTP client).
        var slowAddress = await reference.ScalarAsync<string>("""
            SELECT n.to_address FROM notices n
            WHERE n.kind = 'reminder'
              AND NOT EXISTS (SELECT 1 FROM notices o WHERE o.notice_key <> n.notice_key AND o.content LIKE '%' || n.to_address || '%')
            ORDER BY n.to_address LIMIT 1
            """);
        var sinkDir = folder.Combine("sink");
        var script = folder.Combine("sink.json");
        await File.WriteAllTextAsync(script, JsonSerializer.Serialize(new
        {
            rules = new[] { new { match_rcpt = slowAddress, stage = "rcpt", delay = 8, reply = "250 OK", times = 1 } },
        }));
        using var sink = SmtpSinkProcess.Start(folder.Path, sinkDir, script);
        var port = await sink.PortAsync();

        // When: three instances run against that database, and the one delivering to the slow recipient is killed
        var env = WorkerEnvironment(port);
        var workers = Enumerable.Range(0, 3)
            .Select(_ => BackgroundProcess.StartQev(folder.Path, env, "run", "--db", db.ConnectionString))
            .ToList();
        try
        {
            // The sink logs the RCPT before it starts waiting: from then on the claimer is blocked inside the SMTP dialogue.
            await sink.WaitForLogAsync(l => l.Contains($"RCPT {slowAddress}", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(90));
            var victimPid = await WaitForClaimAsync(db, slowAddress, TimeSpan.FromSeconds(15));
            var victim = workers.Single(w => w.Id == victimPid);
            victim.KillHard();

            await WaitUntilAsync(() => EmlFiles.In(sinkDir).Count >= expected.Count, TimeSpan.FromSeconds(120));
            await Task.Delay(TimeSpan.FromSeconds(6));

            // Then: every owed notice exactly once, nothing else, each lead's digest once
            var delivered = EmlFiles.NoticeKeys(sinkDir);
            var twice = delivered.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            twice.ShouldBeEmpty(string.Join('\n', workers.SelectMany((w, i) => w.Output.Split('\n')
                .Where(l => twice.Any(k => l.Contains(k, StringComparison.Ordinal)) || l.Contains("ERR", StringComparison.Ordinal))
                .Select(l => $"worker {i} ({w.Id}): {l}"))
                .Append($"victim {victim.Id}, slow {slowAddress}; last lines of the victim:")
                .Concat(victim.Output.Split('\n').TakeLast(8))
                .Append("sink:").Concat(sink.Log.Split('\n').TakeLast(15))));
            delivered.Order(StringComparer.Ordinal).ShouldBe(expected);
            (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices WHERE state <> 'sent'")).ShouldBe(0);
            victim.HasExited.ShouldBeTrue();
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    private static Dictionary<string, string> WorkerEnvironment(int smtpPort) => new()
    {
        ["Clock__Start"] = Morning,
        ["Mail__Mode"] = "Smtp",
        ["Mail__Smtp__Host"] = "127.0.0.1",
        ["Mail__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Mail__Smtp__UseStartTls"] = "false",
        ["Schedule__ScanCron"] = "0/5 * * * * ?",
        ["Schedule__DispatchCron"] = "0/2 * * * * ?",
        ["Schedule__DigestCron"] = "0/7 * * * * ?",
        ["Notifications__ImmediateRetries"] = "0",
        ["Notifications__ClaimLease"] = "00:00:12",
        ["Mail__Smtp__Timeout"] = "00:00:10",
        // One mail per notice, and one connection per instance: a kill then interrupts only the held dialogue, before
        // the server accepted anything, so exactly-once can be asserted (the kill loop test measures the general case).
        ["Notifications__Bundle"] = "false",
        ["Mail__Smtp__Connections"] = "1",
        ["Cluster__CheckinInterval"] = "00:00:02",
        ["Cluster__CheckinMisfireThreshold"] = "00:00:06",
    };

    /// <summary>The process id of the instance that has claimed the notice to <paramref name="address"/>.</summary>
    private static async Task<int> WaitForClaimAsync(TestDatabase db, string address, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            await using var connection = await db.Database.OpenAsync(CancellationToken.None);
            var claimedBy = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT claimed_by FROM notices WHERE to_address = @address AND state = 'sending'", new { address }));
            if (claimedBy is not null)
            {
                return int.Parse(claimedBy.Split(':')[1], CultureInfo.InvariantCulture);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"niemand hat die Nachricht an {address} übernommen");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException("Zustellung nicht vollständig");
            }

            await Task.Delay(250);
        }
    }
}
