using Dapper;
using Microsoft.Data.Sqlite;
using QeV.Worker.Notifications;
using QeV.Worker.Scan;
using QeV.Worker.Store.Bulk;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Scan;

/// <summary>
/// The rows a plan reads from the deadlines table (issue 9): in the report's order, and on SQLite without a read left
/// open while the plan writes. A reader holds SQLite's write-ahead log, which then cannot start over: the first scan of
/// a quarter of a million cases had grown it to 23 GB.
/// </summary>
public sealed class StageDateStoreTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static async Task<(TestDatabase Db, TestWorker Worker, TempFolder Mails)> ScannedAsync(TestEngine engine)
    {
        var db = await TestDatabase.CreateAsync(engine);
        await new SyntheticLoader(db.Database).LoadAsync(9, Day, 40, null, CancellationToken.None);
        var mails = new TempFolder();
        var worker = TestWorker.Pickup(db, new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)), mails.Path);
        await worker.Cycle.ScanAsync(Day, CancellationToken.None);
        return (db, worker, mails);
    }

    private static string Key(DeadlineRows.StoredDeadline row) => $"{row.Scope}/{row.PartitionId}/{row.Rule}/{row.Seq}";

    private static async Task<List<string>> StreamAsync(TestDatabase db, int pageSize, bool byDate, Func<Task>? afterFirst = null)
    {
        var keys = new List<string>();
        await using var connection = await db.Database.OpenAsync(CancellationToken.None);
        await foreach (var row in new StageDateStore(db.Database, pageSize).StreamDueAsync(connection, Day, TablePlanner.Until(Day), byDate, CancellationToken.None))
        {
            keys.Add(Key(row));
            if (keys.Count == 1 && afterFirst is not null)
            {
                await afterFirst();
            }
        }

        if (connection is SqliteConnection)
        {
            // The order's temporary table goes with the read: the pooled connection keeps nothing of it.
            (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_temp_master")).ShouldBe(0);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task StreamDueAsync_InPages_GivesEveryOpenRowInTheReportsOrder(TestEngine engine)
    {
        // Given: a scanned database with more than fifty open deadlines
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            var expected = await db.QueryAsync<string>(
                "SELECT scope || '/' || partition_id || '/' || rule || '/' || CAST(seq AS TEXT) FROM deadlines WHERE fulfilled = @open AND due_date <= @until "
                + DeadlineRows.ReportOrder(db.Database.Dialect),
                new { open = false, until = TablePlanner.Until(Day) });

            // When: read in pages of 7 rows, and in one page
            var paged = await StreamAsync(db, pageSize: 7, byDate: false);
            var whole = await StreamAsync(db, pageSize: 1_000_000, byDate: false);

            // Then
            expected.Count.ShouldBeGreaterThan(50);
            paged.ShouldBe(expected);
            whole.ShouldBe(expected);
        }
    }

    [Fact]
    public async Task StreamDueAsync_Sqlite_HoldsNoReadWhileTheCallerWrites_SoTheLogCanStartOver()
    {
        // Given: a scanned SQLite database, and a second connection that writes and checkpoints while the rows are read
        var (db, worker, mails) = await ScannedAsync(TestEngine.Sqlite);
        using (db)
        using (worker)
        using (mails)
        {
            (int Busy, int Log, int Done) checkpoint = (-1, -1, -1);
            await using var writer = new SqliteConnection($"Data Source={db.FilePath};Pooling=False");
            await writer.OpenAsync();
            await writer.ExecuteAsync("PRAGMA busy_timeout = 0");

            // When: after the first row, another connection writes and asks for the log to be copied and emptied
            var keys = await StreamAsync(db, pageSize: 20, byDate: false, afterFirst: async () =>
            {
                await writer.ExecuteAsync("UPDATE deadline_scans SET counts = NULL WHERE scan_id = 1");
                checkpoint = await writer.QuerySingleAsync<(int, int, int)>("PRAGMA wal_checkpoint(TRUNCATE)");
            });

            // Then: nothing held the log; every row was still read
            keys.Count.ShouldBeGreaterThan(50);
            checkpoint.Busy.ShouldBe(0);
            checkpoint.Log.ShouldBe(0);
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task StreamDueAsync_ARowFulfilledAfterTheOrderWasTaken_IsLeftOut(TestEngine engine)
    {
        // Given: a scanned database; the last open row in the report's order
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            var all = await StreamAsync(db, pageSize: 7, byDate: false);
            var last = all[^1].Split('/');

            // When: it is fulfilled while the first page is being handed out
            var keys = await StreamAsync(db, pageSize: 7, byDate: false, afterFirst: () => db.ExecuteAsync(
                "UPDATE deadlines SET fulfilled = @done WHERE scope = @scope AND partition_id = @id AND rule = @rule AND seq = @seq",
                new { done = true, scope = last[0], id = last[1], rule = last[2], seq = int.Parse(last[3], System.Globalization.CultureInfo.InvariantCulture) }));

            // Then: on SQLite (pages) it is gone; PostgreSQL reads one snapshot, in which it was still open
            if (engine == TestEngine.Sqlite)
            {
                keys.ShouldBe(all[..^1]);
            }
            else
            {
                keys.ShouldBe(all);
            }
        }
    }
}
