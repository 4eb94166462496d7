using System.Data.Common;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace QeV.Worker.Store;

public sealed class SqliteDialect : OnConflictDialect
{
    public override string Name => "sqlite";

    private static readonly string[] ChangingStatements = ["INSERT", "UPDATE", "DELETE"];

    public override string InList(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    public override object ListOf(IReadOnlyCollection<string> values) => JsonSerializer.Serialize(values);

    public override string JsonRows(string parameter, string alias, IReadOnlyList<JsonColumn> columns) =>
        $"(SELECT {string.Join(", ", columns.Select(c => $"json_extract(value, '$.{c.Name}') AS {c.Name}"))} FROM json_each({parameter})) AS {alias}";

    public override string SkipLockedClause => "";

    public override string OrdinalOrder(string column) => column;

    public override int RowsPerStatement(int columns) => 1;

    public override object Instant(DateTimeOffset value) => DateTimeOffsetHandler.ToText(value);

    public override string Ddl(string portableSql) => portableSql
        .Replace("{date}", "TEXT", StringComparison.Ordinal)
        .Replace("{bool}", "INTEGER", StringComparison.Ordinal)
        .Replace("{timestamp}", "TEXT", StringComparison.Ordinal)
        .Replace("{text}", "TEXT", StringComparison.Ordinal)
        .Replace("{int}", "INTEGER", StringComparison.Ordinal);

    // Row triggers only on SQLite. The first changed row after a scan counts; the rest find clean = 0 and cost the look-up
    // of one row. A scan holds the single write lock while it reads seq and sets clean, so no writer comes in between.
    public override IReadOnlyList<string> FactChangeTriggers(IReadOnlyList<string> tables) =>
        [.. tables.SelectMany(table => ChangingStatements.Select(op =>
            $"CREATE TRIGGER IF NOT EXISTS tr_{table}_{op.ToLowerInvariant()}_changes AFTER {op} ON {table} "
            + "BEGIN UPDATE fact_changes SET seq = seq + 1, clean = 0 WHERE id = 1 AND clean = 1; END"))];

    public override IReadOnlyList<string> DropFactChangeTriggers(IReadOnlyList<string> tables) =>
        [.. tables.SelectMany(table => ChangingStatements.Select(op => $"DROP TRIGGER IF EXISTS tr_{table}_{op.ToLowerInvariant()}_changes"))];

    // One row trigger per statement kind; a scan holds the write lock while it reads and deletes the keys, so none comes
    // in between (the counter is recorded as on the other engines, and every key a scan sees is at most the one it read).
    public override IReadOnlyList<string> PartitionKeyTriggers(IReadOnlyList<PartitionKeyedTable> tables) =>
        [.. tables.SelectMany(table => ChangingStatements.Select(op =>
        {
            string[] rows = op switch { "INSERT" => ["NEW"], "DELETE" => ["OLD"], _ => ["NEW", "OLD"] };
            var when = table.When is null ? "" : " WHEN " + string.Join(" OR ", rows.Select(r => "(" + table.WhenOf(r) + ")"));
            var keys = string.Join(" UNION ", rows.Select(r => $"SELECT {table.KeyOf(r)} AS k"));
            return $"CREATE TRIGGER IF NOT EXISTS tr_{table.Table}_{op.ToLowerInvariant()}_keys AFTER {op} ON {table.Table}{when} BEGIN "
                + $"INSERT INTO fact_partition_changes (scope, partition_id, change_id) SELECT '{table.Scope}', k, (SELECT seq FROM fact_changes WHERE id = 1) "
                + $"FROM ({keys}) WHERE k IS NOT NULL ON CONFLICT (scope, partition_id) DO UPDATE SET change_id = excluded.change_id; END";
        }))];

    public override IReadOnlyList<string> DropPartitionKeyTriggers(IReadOnlyList<PartitionKeyedTable> tables) =>
        [.. tables.SelectMany(table => ChangingStatements.Select(op => $"DROP TRIGGER IF EXISTS tr_{table.Table}_{op.ToLowerInvariant()}_keys"))];

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public override async Task PrepareAsync(DbConnection connection, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;", cancellationToken: ct));

    // BEGIN IMMEDIATE already holds SQLite's single write lock, which is all the serialisation needed.
    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) => Task.CompletedTask;

    public override bool SharesScans => false;

    // The scan's write transaction (BEGIN IMMEDIATE) holds the single write lock.
    public override Task LockForScanAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) => Task.CompletedTask;

    // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE unless asked for a deferred transaction: the write lock is
    // taken up front, so two writers queue on busy_timeout instead of failing on a lock upgrade.
    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(ct);
}
