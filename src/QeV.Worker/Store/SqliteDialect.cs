using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace QeV.Worker.Store;

public sealed class SqliteDialect : ISqlDialect
{
    public string Name => "sqlite";

    public string SkipLockedClause => "";

    public object Instant(DateTimeOffset value) => DateTimeOffsetHandler.ToText(value);

    public string Upsert(string table, IReadOnlyList<(string Column, string Value)> values, IReadOnlyList<string> key, IReadOnlyList<string> update) =>
        OnConflictSql.Upsert(table, values, key, update);

    public string InsertIfAbsent(string table, IReadOnlyList<(string Column, string Value)> values, IReadOnlyList<string> key) =>
        OnConflictSql.InsertIfAbsent(table, values, key);

    public string Limit(string parameter) => "LIMIT " + parameter;

    public string Ddl(string portableSql) => portableSql
        .Replace("{date}", "TEXT", StringComparison.Ordinal)
        .Replace("{bool}", "INTEGER", StringComparison.Ordinal)
        .Replace("{timestamp}", "TEXT", StringComparison.Ordinal)
        .Replace("{text}", "TEXT", StringComparison.Ordinal)
        .Replace("{int}", "INTEGER", StringComparison.Ordinal);

    public DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public async Task PrepareAsync(DbConnection connection, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;", cancellationToken: ct));

    // BEGIN IMMEDIATE already holds SQLite's single write lock, which is all the serialisation needed.
    public Task LockForMigrationAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) => Task.CompletedTask;

    // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE unless asked for a deferred transaction: the write lock is
    // taken up front, so two writers queue on busy_timeout instead of failing on a lock upgrade.
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(ct);
}
