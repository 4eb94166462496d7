using System.Diagnostics;
using System.Globalization;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using Xunit.Abstractions;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Dispatch.Delivery;

/// <summary>
/// The crash window between the server's 250 and the ledger write, measured (delivery issue): a worker killed with
/// SIGKILL 50 times at random moments of dispatch and restarted loses nothing and repeats at most one mail per kill per
/// open connection, each repeat with the same Message-ID; SIGTERM repeats nothing and leaves nothing claimed.
/// </summary>
public sealed class CrashWindowTests(ITestOutputHelper output)
{
    private const string AsOf = "2026-06-05";
    private const int Connections = 4;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(1.5);

    private static Dictionary<string, string> Environment(int port) => new()
    {
        ["Mail__Mode"] = "Smtp",
        ["Mail__Smtp__Host"] = "127.0.0.1",
        ["Mail__Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Mail__Smtp__UseStartTls"] = "false",
        ["Mail__Smtp__Connections"] = Connections.ToString(CultureInfo.InvariantCulture),
        ["Mail__Smtp__Timeout"] = "00:00:01",
        ["Notifications__ImmediateRetries"] = "0",
        // A dialogue that timed out under load leaves its notice failed until its retry: a second, not the default
        // minute, so the finishing runs below can deliver it (waiting for a retry is not losing it).
        ["Notifications__RetryDelay"] = "00:00:01",
        ["Notifications__MaxRetryDelay"] = "00:00:01",
        ["Notifications__ClaimLease"] = Lease.ToString("c", CultureInfo.InvariantCulture),
        ["Notifications__Bundle"] = "false",
    };

    private static async Task<(TestDatabase Db, SmtpSink Sink)> StartAsync(TempFolder folder, string domain, int cases, double rcptDelay)
    {
        var db = await TestDatabase.CreateAsync();
        var import = await QevProcess.RunAsync(db.Folder.Path, "import", db.Folder.WriteImportFolder(Files(domain, cases: cases), "export"), "--db", db.ConnectionString);
        import.ExitCode.ShouldBe(0, import.ToString());
        var sink = await SmtpSink.StartAsync(folder.Combine("maildir"), folder.Combine("script.json"));
        // Each RCPT TO takes a moment, so a kill finds a dialogue in flight on every connection. The wait is before DATA:
        // a repeat then comes only from the worker's own window between the server's 250 and the ledger write (the sink
        // stores a message before it answers DATA, so a delay there would widen that window artificially).
        sink.WriteScript(new Dictionary<string, object>
        {
            ["rules"] = new[] { new Dictionary<string, object> { ["match_rcpt"] = domain, ["stage"] = "rcpt", ["reply"] = "250 OK", ["delay"] = rcptDelay } },
        });
        return (db, sink);
    }

    private static BackgroundProcess RunOnce(TestDatabase db, SmtpSink sink) =>
        BackgroundProcess.StartQev(db.Folder.Path, Environment(sink.Port), "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);

    private static async Task<int> FinishAsync(TestDatabase db, SmtpSink sink)
    {
        // Until nothing is owed: claims of killed workers expire after the lease.
        for (var run = 0; run < 10; run++)
        {
            await Task.Delay(Lease + TimeSpan.FromMilliseconds(100));
            var result = await QevProcess.RunAsync(db.Folder.Path, Environment(sink.Port), "run", "--once", "--as-of", AsOf, "--db", db.ConnectionString);
            if (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices WHERE state <> 'sent'") == 0)
                return run + 1;
            result.ExitCode.ShouldBeOneOf([0, 4], result.ToString());
        }

        var open = await db.QueryAsync<string>("SELECT notice_key || ' ' || state || ' ' || COALESCE(last_error, '') FROM notices WHERE state <> 'sent' ORDER BY notice_key");
        throw new ShouldAssertException($"nach 10 Läufen noch offene Nachrichten: {string.Join("; ", open.Take(10))}");
    }

    [Fact]
    public async Task RunOnce_KilledFiftyTimesDuringDispatch_NothingLostAtMostOneRepeatPerKillAndConnection()
    {
        // Given: 2,500 owed reminders (one mail each), a sink that takes 150 ms per RCPT TO (slow enough that a quiet machine
        // does not deliver everything before the 45th kill; 50 ms ran out of notices after 21 kills)
        using var folder = new TempFolder();
        var domain = NewDomain();
        var (db, sink) = await StartAsync(folder, domain, cases: 2500, rcptDelay: 0.15);
        using var _ = db;
        await using var __ = sink;
        var random = new Random(78);
        var kills = 0;
        var watch = Stopwatch.StartNew();

        // When: 50 times, a worker starts, delivers for a random moment, and is killed with SIGKILL
        while (kills < 50 && watch.Elapsed < TimeSpan.FromMinutes(6))
        {
            // The moment dispatch runs is when the sink stores this worker's first mail (the worker's log may be buffered).
            var before = Directory.GetFiles(sink.MailDir, "*.eml").Length;
            using var worker = RunOnce(db, sink);
            var started = Stopwatch.StartNew();
            while (Directory.GetFiles(sink.MailDir, "*.eml").Length == before && !worker.HasExited && started.Elapsed < TimeSpan.FromSeconds(30))
                await Task.Delay(10);
            if (worker.HasExited)
            {
                // It ended without sending: either nothing is left, or everything left is still claimed by the worker
                // killed last (a claim covers all notices of its recipients and ends only with the lease). Then the
                // next worker starts after the lease, as a restarted service would find it.
                if (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices WHERE state <> 'sent'") == 0)
                    break;
                await Task.Delay(Lease + TimeSpan.FromMilliseconds(100));
                continue;
            }

            await Task.Delay(random.Next(0, 200));
            worker.KillHard();
            kills++;
        }

        // The finishing runs deliver what is left at full speed (the sink re-reads its script on every transaction).
        sink.WriteScript(new Dictionary<string, object> { ["rules"] = Array.Empty<object>() });
        var finishingRuns = await FinishAsync(db, sink);
        watch.Stop();

        // Then
        var expected = await db.QueryAsync<string>("SELECT notice_key FROM notices");
        var mails = sink.MessagesTo(domain);
        var byKey = mails.GroupBy(m => m.NoticeKey ?? "").ToDictionary(g => g.Key, g => g.ToList());
        var lost = expected.Where(k => !byKey.ContainsKey(k)).ToList();
        var repeats = mails.Count - byKey.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kills {kills}, notices {expected.Count}, mails {mails.Count}, lost {lost.Count}, repeats {repeats}, finishing runs {finishingRuns}, {watch.Elapsed.TotalSeconds:0} s"));
        kills.ShouldBeGreaterThanOrEqualTo(45, "the loop ended before 45 kills (6 minutes passed, or nothing was left to send)");
        lost.ShouldBeEmpty();
        byKey.Keys.Where(k => !expected.Contains(k)).ShouldBeEmpty();
        repeats.ShouldBeLessThanOrEqualTo(kills * Connections);
        byKey.Values.ShouldAllBe(copies => copies.Select(m => m.Header("Message-ID")).Distinct().Count() == 1);
    }

    [Fact]
    public async Task RunOnce_SigtermDuringDispatch_RepeatsNothingAndLeavesNothingClaimed()
    {
        // Given
        using var folder = new TempFolder();
        var domain = NewDomain();
        var (db, sink) = await StartAsync(folder, domain, cases: 400, rcptDelay: 0.05);
        using var _ = db;
        await using var __ = sink;

        // When: SIGTERM while mails are in flight, then runs until everything went
        using (var worker = RunOnce(db, sink))
        {
            await worker.WaitForLineAsync(l => l.Contains("zugestellt", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            await Task.Delay(150);
            using (var term = Process.Start("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            var stopped = Stopwatch.StartNew();
            while (!worker.HasExited && stopped.Elapsed < TimeSpan.FromSeconds(20))
                await Task.Delay(50);
            worker.HasExited.ShouldBeTrue("no exit within 20 s of SIGTERM");
        }

        var claimed = await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices WHERE state = 'sending' OR claimed_by IS NOT NULL");
        var sentBefore = sink.MessagesTo(domain).Count;
        await FinishAsync(db, sink);

        // Then
        claimed.ShouldBe(0);
        sentBefore.ShouldBeGreaterThan(0);
        var mails = sink.MessagesTo(domain);
        mails.Count.ShouldBe(mails.Select(m => m.NoticeKey).Distinct().Count(), "a mail was repeated");
        mails.Count.ShouldBe((int)await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices"));
    }
}
