using System.Data.Common;
using Dapper;
using Npgsql;

namespace QeV.Worker.Store;

public sealed class PostgresDialect : ISqlDialect
{
    // Any fixed number works; it only has to be the same for every worker instance.
    private const long MigrationLockKey = 78_2026_0001;

    public string Name => "postgres";

    public string SkipLockedClause => "FOR UPDATE SKIP LOCKED";

    public object Instant(DateTimeOffset value) => value.ToUniversalTime();

    public string Upsert(string table, IReadOnlyList<(string Column, string Value)> values, IReadOnlyList<string> key, IReadOnlyList<string> update) =>
        OnConflictSql.Upsert(table, values, key, update);

    public string InsertIfAbsent(string table, IReadOnlyList<(string Column, string Value)> values, IReadOnlyList<string> key) =>
        OnConflictSql.InsertIfAbsent(table, values, key);

    public string Limit(string parameter) => "LIMIT " + parameter;

    public string Ddl(string portableSql) => portableSql
        .Replace("{date}", "date", StringComparison.Ordinal)
        .Replace("{bool}", "boolean", StringComparison.Ordinal)
        .Replace("{timestamp}", "timestamptz", StringComparison.Ordinal)
        .Replace("{text}", "text", StringComparison.Ordinal)
        .Replace("{int}", "integer", StringComparison.Ordinal);

    public DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public Task PrepareAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    public async Task LockForMigrationAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLockKey }, tx, cancellationToken: ct));

    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(ct);
}
