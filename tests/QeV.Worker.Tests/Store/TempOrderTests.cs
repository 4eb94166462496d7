using Dapper;
using Microsoft.Data.Sqlite;
using QeV.Worker.Store;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Store;

/// <summary>
/// A long ordered read on SQLite that its caller writes beside (the plan's stage dates, the digests' shares) must not
/// hold a read open between its pages: the write-ahead log could then not be checkpointed, and grew to 1.4 GB in the
/// digests of a million cases. Each page is read whole, the order is the fill's, and the temporary table goes away.
/// </summary>
public sealed class TempOrderTests
{
    private sealed record Probe(string Id, long K, string? Tag);

    [Fact]
    public async Task ReadAsync_WritesBetweenThePages_EveryCheckpointCompletesAndTheRowsComeInTheFillsOrder()
    {
        // Given: 1,000 rows, read 100 at a time in descending k, each with its id as the tag
        using var db = await TestDatabase.CreateAsync();
        await using var reader = (SqliteConnection)await db.Database.OpenAsync(CancellationToken.None);
        await using var writer = (SqliteConnection)await db.Database.OpenAsync(CancellationToken.None);
        (await writer.ExecuteScalarAsync<string>("PRAGMA journal_mode")).ShouldBe("wal");
        await writer.ExecuteAsync("CREATE TABLE probe (id TEXT PRIMARY KEY, k INTEGER NOT NULL); CREATE TABLE scratch (n INTEGER)");
        await writer.ExecuteAsync("INSERT INTO probe (id, k) VALUES (@id, @k)", Enumerable.Range(0, 1_000).Select(i => new { id = $"P-{i}", k = (i * 37) % 1_000 }));

        // When: after every 100 rows handed out, the writer writes and checkpoints
        var rows = new List<Probe>();
        var checkpoints = new List<(long Busy, long Log, long Done)>();
        await foreach (var row in TempOrder.ReadAsync<Probe>(
            reader, "probe_order", "SELECT rowid, id FROM probe WHERE k >= @from ORDER BY k DESC",
            "SELECT p.id, p.k, o.tag FROM temp.probe_order o JOIN probe p ON p.rowid = o.row_id WHERE o.n > @after AND o.n <= @last ORDER BY o.n",
            new { from = 0 }, pageSize: 100, CancellationToken.None))
        {
            rows.Add(row);
            if (rows.Count % 100 == 1)
            {
                await writer.ExecuteAsync("INSERT INTO scratch (n) VALUES (@n)", new { n = rows.Count });
                checkpoints.Add(await writer.QuerySingleAsync<(long, long, long)>("PRAGMA wal_checkpoint(PASSIVE)"));
            }
        }

        // Then: no read held the log (every frame written so far was checkpointed), the order is the fill's, the tag kept
        checkpoints.Count.ShouldBe(10);
        checkpoints.ShouldAllBe(c => c.Busy == 0 && c.Log == c.Done && c.Log > 0);
        rows.Select(r => r.K).ShouldBe(Enumerable.Range(0, 1_000).Select(k => 999L - k));
        rows.ShouldAllBe(r => r.Tag == r.Id);
        (await reader.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_temp_master WHERE name = 'probe_order'")).ShouldBe(0);
    }

    [Fact]
    public async Task ReadAsync_StoppedMidway_DropsItsTemporaryTable()
    {
        using var db = await TestDatabase.CreateAsync();
        await using var connection = (SqliteConnection)await db.Database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE probe (id TEXT PRIMARY KEY, k INTEGER NOT NULL)");
        await connection.ExecuteAsync("INSERT INTO probe (id, k) VALUES (@id, @k)", Enumerable.Range(0, 50).Select(i => new { id = $"P-{i}", k = i }));

        var taken = 0;
        await foreach (var _ in TempOrder.ReadAsync<Probe>(
            connection, "probe_order", "SELECT rowid, NULL FROM probe ORDER BY k",
            "SELECT p.id, p.k, o.tag FROM temp.probe_order o JOIN probe p ON p.rowid = o.row_id WHERE o.n > @after AND o.n <= @last ORDER BY o.n",
            new { }, pageSize: 10, CancellationToken.None))
        {
            if (++taken == 15)
                break;
        }

        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_temp_master WHERE name = 'probe_order'")).ShouldBe(0);
    }
}
