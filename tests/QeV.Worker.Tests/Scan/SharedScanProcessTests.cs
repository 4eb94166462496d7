using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dapper;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Scan;

/// <summary>
/// Several `qev scan` processes share one scan on PostgreSQL by partition ranges (issue 9, point 5). A test connection
/// holds an exclusive lock on the deadlines table, so every process blocks inside the first range it claimed: that is
/// the barrier that makes both hold a range at once (a), and that keeps the victim inside its range until it is killed
/// (b). The reference is the single-transaction scan of the same generated data on SQLite.
/// </summary>
public sealed class SharedScanProcessTests
{
    private const string Day = "2026-11-23";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TwoProcesses_SameData_BothTakeRangesAndTheTableEqualsASingleScan()
    {
        // Given: the same data in PostgreSQL and in SQLite, and the single scan's report and ledger on SQLite
        using var db = await TestDatabase.CreateAsync(TestEngine.Postgres);
        var (expected, expectedKeys) = await ReferenceAsync(db);
        var env = Settings("00:01:00");

        // When: two processes start while the deadlines table is locked, each claims a range and waits on the lock
        List<BackgroundProcess> scans;
        await using (var barrier = await LockDeadlinesAsync(db))
        {
            scans = [Scan(db, env), Scan(db, env)];
            await WaitUntilAsync(async () => (await ClaimersAsync(db)).Count == 2, "zwei Instanzen mit je einem Bereich", scans);
        }

        // Then
        foreach (var scan in scans)
        {
            using (scan)
            {
                (await scan.WaitForExitAsync(Patience)).ShouldBe(0, scan.Output);
                scan.Output.ShouldContain("Scan 23.11.2026: vollständig");
            }
        }

        var doneBy = await db.QueryAsync<string>(
            "SELECT DISTINCT done_by FROM scan_ranges WHERE generation_id = (SELECT generation_id FROM scan_generations ORDER BY started_at LIMIT 1)");
        doneBy.Count.ShouldBe(2);
        // One of the two planned the generation's notices, the other waited for it (planned nothing itself).
        var planner = await db.QueryAsync<string>(
            "SELECT planner FROM scan_generations WHERE planned_at IS NOT NULL ORDER BY started_at LIMIT 1");
        planner.Single().ShouldBeOneOf(doneBy.ToArray());
        scans.Count(s => s.Output.Contains(" 0 Nachrichten neu", StringComparison.Ordinal)).ShouldBe(1);
        (await ReportAsync(db)).ShouldBe(expected);
        (await KeysAsync(db)).ShouldBe(expectedKeys);
    }

    [Fact]
    public async Task InstanceKilledHoldingARange_OtherTakesItOverAfterTheLease_TableAndLedgerEqualASingleScan()
    {
        // Given
        using var db = await TestDatabase.CreateAsync(TestEngine.Postgres);
        var (expected, expectedKeys) = await ReferenceAsync(db);
        var env = Settings("00:00:03");

        // When: the victim claims a range and blocks on the lock; it is killed, the lock goes, a second instance starts
        string held;
        await using (var barrier = await LockDeadlinesAsync(db))
        {
            using var victim = Scan(db, env);
            await WaitUntilAsync(async () => (await ClaimersAsync(db)).Count == 1 && await WaitingOnLockAsync(db), "Opfer wartet in seinem Bereich", [victim]);
            held = (await ClaimersAsync(db)).Single();
            int.Parse(held.Split(':')[1], CultureInfo.InvariantCulture).ShouldBe(victim.Id);
            victim.KillHard();
        }

        var claimedRange = await db.ScalarAsync<int>("SELECT range_no FROM scan_ranges WHERE claimed_by = @held", new { held });
        using var survivor = Scan(db, env);
        var exit = await survivor.WaitForExitAsync(Patience);

        // Then: the survivor did every range, the victim's only once its lease ran out, and the result is the single scan's
        exit.ShouldBe(0, survivor.Output);
        var ranges = await db.QueryAsync<(int RangeNo, string State, string DoneBy)>(
            "SELECT range_no, state, done_by FROM scan_ranges WHERE generation_id = (SELECT generation_id FROM scan_generations ORDER BY started_at LIMIT 1)");
        ranges.ShouldAllBe(r => r.State == "done");
        ranges.Select(r => r.DoneBy).Distinct().Count().ShouldBe(1);
        ranges.Single(r => r.RangeNo == claimedRange).DoneBy.ShouldNotBe(held);
        (await ReportAsync(db)).ShouldBe(expected);
        var keys = await KeysAsync(db);
        keys.ShouldBe(expectedKeys);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices")).ShouldBe(expectedKeys.Count);
    }

    [Fact]
    public async Task RangeSizeZero_ScanFailsAtStartNamingTheKey()
    {
        using var db = await TestDatabase.CreateAsync(TestEngine.Postgres);

        var result = await QevProcess.RunAsync(db.Folder.Path, new Dictionary<string, string> { ["Scan__RangeSize"] = "0" },
            "scan", "--as-of", Day, "--db", db.ConnectionString);

        result.ExitCode.ShouldNotBe(0, result.ToString());
        (result.StdOut + result.StdErr).ShouldContain("Scan:RangeSize");
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM scan_generations")).ShouldBe(0);
    }

    private static Dictionary<string, string> Settings(string lease) => new()
    {
        ["Scan__RangeSize"] = "50",
        ["Scan__RangeLease"] = lease,
    };

    private static BackgroundProcess Scan(TestDatabase db, Dictionary<string, string> env) =>
        BackgroundProcess.StartQev(db.Folder.Path, env, "scan", "--as-of", Day, "--db", db.ConnectionString);

    /// <summary>Generates the data into <paramref name="db"/> and into a SQLite file; the single scan's report and ledger keys there.</summary>
    private static async Task<(List<string> Report, List<string> Keys)> ReferenceAsync(TestDatabase db)
    {
        using var reference = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        foreach (var target in new[] { db, reference })
        {
            var generated = await QevProcess.RunAsync(target.Folder.Path, "generate", "--cases", "300", "--seed", "3", "--db", target.ConnectionString);
            generated.ExitCode.ShouldBe(0, generated.ToString());
        }

        var scan = await QevProcess.RunAsync(reference.Folder.Path, "scan", "--as-of", Day, "--db", reference.ConnectionString);
        scan.ExitCode.ShouldBe(0, scan.ToString());
        var report = await ReportAsync(reference);
        report.Count.ShouldBeGreaterThan(100);
        var keys = await KeysAsync(reference);
        keys.Count.ShouldBeGreaterThan(10);
        return (report, keys);
    }

    /// <summary>The `deadlines` JSON, one element per row.</summary>
    private static async Task<List<string>> ReportAsync(TestDatabase db)
    {
        var report = await QevProcess.RunAsync(db.Folder.Path, "deadlines", "--as-of", Day, "--format", "json", "--db", db.ConnectionString);
        report.ExitCode.ShouldBe(0, report.ToString());
        using var json = JsonDocument.Parse(report.StdOut);
        return json.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
    }

    private static async Task<List<string>> KeysAsync(TestDatabase db) =>
        (await db.QueryAsync<string>("SELECT notice_key FROM notices")).Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> ClaimersAsync(TestDatabase db) =>
        await db.QueryAsync<string>("SELECT DISTINCT claimed_by FROM scan_ranges WHERE state = 'claimed'");

    private static async Task<bool> WaitingOnLockAsync(TestDatabase db) =>
        await db.ScalarAsync<long>("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0;

    /// <summary>Holds an exclusive lock on the deadlines table (reads pass, writes wait) until disposed.</summary>
    private static async Task<DeadlinesLock> LockDeadlinesAsync(TestDatabase db)
    {
        var connection = await db.Database.OpenAsync(CancellationToken.None);
        var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(new CommandDefinition("LOCK TABLE deadlines IN EXCLUSIVE MODE", transaction: tx));
        return new DeadlinesLock(connection, tx);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, IReadOnlyList<BackgroundProcess> processes)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > Patience || processes.Any(p => p.HasExited))
            {
                throw new TimeoutException($"{what}: nicht erreicht nach {watch.Elapsed}\n" + string.Join("\n---\n", processes.Select(p => p.Output)));
            }

            await Task.Delay(100);
        }
    }

    private sealed class DeadlinesLock(DbConnection connection, DbTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.CommitAsync();
            await tx.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
