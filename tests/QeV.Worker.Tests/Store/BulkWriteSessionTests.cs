using Dapper;
using QeV.Worker.Store.Bulk;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Store;

/// <summary>The bulk settings of a large SQLite write hold only inside it: the pooled connection gets its own back.</summary>
public sealed class BulkWriteSessionTests
{
    private static async Task<(long Synchronous, long Cache, long TempCache)> SettingsAsync(System.Data.Common.DbConnection connection) => (
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA synchronous")),
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA cache_size")),
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA temp.cache_size")));

    [Fact]
    public async Task BeginAsync_OnSqlite_RelaxesDuringAndRestoresAfterRollback()
    {
        // Given
        using var db = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        await using var connection = await db.Database.OpenAsync(CancellationToken.None);
        var before = await SettingsAsync(connection);

        // When
        (long, long, long) during;
        await using (var session = await BulkWriteSession.BeginAsync(connection, CancellationToken.None))
        {
            session.ShouldNotBeNull();
            await using var tx = await connection.BeginTransactionAsync();
            during = await SettingsAsync(connection);
            await tx.RollbackAsync();
        }

        // Then
        during.ShouldBe((0L, -64L * 1024, -64L * 1024));
        during.ShouldNotBe(before);
        (await SettingsAsync(connection)).ShouldBe(before);
    }

    [Fact]
    public async Task BeginAsync_OnPostgres_ChangesNothing()
    {
        // Given
        using var db = await TestDatabase.CreateAsync(TestEngine.Postgres);
        await using var connection = await db.Database.OpenAsync(CancellationToken.None);

        // When
        var session = await BulkWriteSession.BeginAsync(connection, CancellationToken.None);

        // Then
        session.ShouldBeNull();
    }
}
