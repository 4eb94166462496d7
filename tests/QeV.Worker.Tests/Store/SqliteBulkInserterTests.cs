using Dapper;
using Microsoft.Data.Sqlite;
using QeV.Demo.Synthetic;
using QeV.Worker.Store.Bulk;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Store;

/// <summary>
/// The SQLite bulk path binds and steps its INSERT through SQLite's own interface (SQLitePCL.raw), not through a
/// command: every value must land as a command would have written it, a refused row must fail the call with SQLite's
/// message, and nothing of it may stay once the caller's transaction rolls back.
/// </summary>
public sealed class SqliteBulkInserterTests
{
    private static readonly BulkTable Table = new("bulk_probe",
    [
        ("id", SyntheticType.Text), ("n", SyntheticType.Number), ("day", SyntheticType.Date), ("flag", SyntheticType.Bool), ("note", SyntheticType.Text),
    ]);

    private static async Task<SqliteConnection> OpenAsync(TestDatabase db)
    {
        var connection = (SqliteConnection)await db.Database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS bulk_probe (id TEXT PRIMARY KEY, n INTEGER, day TEXT, flag INTEGER, note TEXT)");
        return connection;
    }

    [Fact]
    public async Task InsertAsync_EveryValueKind_StoresWhatACommandWouldHaveStored()
    {
        using var db = await TestDatabase.CreateAsync();
        await using var connection = await OpenAsync(db);
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            // When: more rows than one call is usually given, text with umlauts, quotes and a NUL-free emoji, nulls, a long
            await new SqliteBulkInserter(connection, tx).InsertAsync(Table,
            [
                ["A-1", 7, new DateOnly(2026, 12, 3), true, "Jugendamt Köln „Süd“ 'x' 😀"],
                ["A-2", 3_000_000_000L, new DateOnly(1900, 1, 1), false, null],
                ["A-3", null, null, null, ""],
                .. Enumerable.Range(0, 2_500).Select(i => new object?[] { $"B-{i}", i, new DateOnly(2026, 1, 1).AddDays(i), i % 2 == 0, new string('x', i % 300) }),
            ], CancellationToken.None);
            await tx.CommitAsync();
        }

        // Then: the same values, types and text as Microsoft.Data.Sqlite writes them
        var rows = (await connection.QueryAsync<(string Id, long? N, string? Day, long? Flag, string? Note, string Types)>(
            "SELECT id, n, day, flag, note, typeof(n) || ' ' || typeof(day) || ' ' || typeof(flag) || ' ' || typeof(note) FROM bulk_probe WHERE id LIKE 'A-%' ORDER BY id")).ToList();
        rows.ShouldBe(
        [
            ("A-1", 7L, "2026-12-03", 1L, "Jugendamt Köln „Süd“ 'x' 😀", "integer text integer text"),
            ("A-2", 3_000_000_000L, "1900-01-01", 0L, null, "integer text integer null"),
            ("A-3", null, null, null, "", "null null null text"),
        ]);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bulk_probe WHERE id LIKE 'B-%'")).ShouldBe(2_500);
        (await connection.ExecuteScalarAsync<string>("SELECT day || ' ' || length(note) FROM bulk_probe WHERE id = 'B-2499'")).ShouldBe("2032-11-04 99");
    }

    [Fact]
    public async Task InsertAsync_ARowTheTableRefuses_FailsWithSqlitesMessageAndLeavesNothingAfterRollback()
    {
        using var db = await TestDatabase.CreateAsync();
        await using var connection = await OpenAsync(db);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var inserter = new SqliteBulkInserter(connection, tx);

        // When: the third row repeats the first one's key
        var error = await Should.ThrowAsync<SqliteException>(() => inserter.InsertAsync(Table,
            [["K-1", 1, null, null, null], ["K-2", 2, null, null, null], ["K-1", 3, null, null, null]], CancellationToken.None));
        await tx.RollbackAsync();

        // Then
        error.SqliteErrorCode.ShouldBe(19); // SQLITE_CONSTRAINT
        error.Message.ShouldContain("UNIQUE constraint failed: bulk_probe.id");
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bulk_probe")).ShouldBe(0);

        // And: the connection takes the next statement (the failed one was finalised)
        await connection.ExecuteAsync("DROP TABLE bulk_probe");
    }

    [Fact]
    public async Task InsertAsync_CancelledOrAValueOfAnUnknownKind_Throws()
    {
        using var db = await TestDatabase.CreateAsync();
        await using var connection = await OpenAsync(db);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var inserter = new SqliteBulkInserter(connection, tx);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => inserter.InsertAsync(Table, [["C-1", 1, null, null, null]], cancelled.Token));
        var unknown = await Should.ThrowAsync<NotSupportedException>(() => inserter.InsertAsync(Table, [["C-2", 1.5, null, null, null]], CancellationToken.None));
        unknown.Message.ShouldContain("Double");
    }
}
