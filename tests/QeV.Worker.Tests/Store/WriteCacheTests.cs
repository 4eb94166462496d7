using Dapper;
using QeV.Worker.Store;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Store;

/// <summary>The larger page cache of one large write on SQLite, and that the pooled connection gets its own back.</summary>
public sealed class WriteCacheTests
{
    [Fact]
    public async Task BeginAsync_Sqlite_RaisesTheCacheForTheWriteAndSetsItBack()
    {
        using var db = await TestDatabase.CreateAsync();
        await using var connection = await db.Database.OpenAsync(CancellationToken.None);
        var before = await connection.ExecuteScalarAsync<long>("PRAGMA cache_size");

        long during;
        await using (var tx = await db.Database.Dialect.BeginWriteAsync(connection, CancellationToken.None))
        {
            await using (var cache = await WriteCache.BeginAsync(connection, tx, CancellationToken.None))
            {
                cache.ShouldNotBeNull();
                during = await connection.ExecuteScalarAsync<long>("PRAGMA cache_size", transaction: tx);
            }

            await tx.CommitAsync();
        }

        during.ShouldBe(-WriteCache.SizeKib);
        before.ShouldNotBe(during);
        (await connection.ExecuteScalarAsync<long>("PRAGMA cache_size")).ShouldBe(before);
    }

    [Fact]
    public async Task BeginAsync_Postgres_ChangesNothing()
    {
        using var db = await TestDatabase.CreateAsync(TestEngine.Postgres);
        await using var connection = await db.Database.OpenAsync(CancellationToken.None);
        await using var tx = await db.Database.Dialect.BeginWriteAsync(connection, CancellationToken.None);

        (await WriteCache.BeginAsync(connection, tx, CancellationToken.None)).ShouldBeNull();
    }
}
