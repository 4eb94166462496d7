using System.Data.Common;
using Dapper;
using Npgsql;

namespace QeV.Worker.Store;

public sealed class PostgresDialect : OnConflictDialect
{
    // Any fixed number works; it only has to be the same for every worker instance.
    private const long MigrationLockKey = 78_2026_0001;

    private const long ScanLockKey = 78_2026_0009;

    public override string Name => "postgres";

    public override string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    public override object ListOf(IReadOnlyCollection<string> values) => values as string[] ?? [.. values];

    public override string JsonRows(string parameter, string alias, IReadOnlyList<JsonColumn> columns) =>
        $"jsonb_to_recordset(CAST({parameter} AS jsonb)) AS {alias}({string.Join(", ", columns.Select(c => c.Name + " " + c.Kind switch
        {
            JsonColumnKind.Number => "integer",
            JsonColumnKind.Instant => "timestamptz",
            JsonColumnKind.Boolean => "boolean",
            _ => "text",
        }))})";

    public override string SkipLockedClause => "FOR UPDATE SKIP LOCKED";

    public override string OrdinalOrder(string column) => column + " COLLATE \"C\"";

    // Well under PostgreSQL's 65,535 parameters per statement; larger batches only cost memory.
    public override int RowsPerStatement(int columns) => Math.Max(1, 2_000 / columns);

    public override object Instant(DateTimeOffset value) => value.ToUniversalTime();

    // Statement triggers: a COPY of a million rows counts once, and only when it changed a row (the transition table).
    // Every changing statement counts, with no "clean" shortcut: writers do not wait for a scan here, so a scan keeps the
    // seq its snapshot saw, and any later change makes the next scan's differ.
    public override IReadOnlyList<string> FactChangeTriggers(IReadOnlyList<string> tables) =>
    [
        "CREATE OR REPLACE FUNCTION qev_fact_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + "IF EXISTS (SELECT 1 FROM changed_rows) THEN UPDATE fact_changes SET seq = seq + 1 WHERE id = 1; END IF; RETURN NULL; END $$",
        "CREATE OR REPLACE FUNCTION qev_fact_table_truncated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + "UPDATE fact_changes SET seq = seq + 1 WHERE id = 1; RETURN NULL; END $$",
        .. tables.SelectMany(table => new[]
        {
            $"CREATE TRIGGER tr_{table}_insert_changes AFTER INSERT ON {table} REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION qev_fact_rows_changed()",
            $"CREATE TRIGGER tr_{table}_update_changes AFTER UPDATE ON {table} REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION qev_fact_rows_changed()",
            $"CREATE TRIGGER tr_{table}_delete_changes AFTER DELETE ON {table} REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION qev_fact_rows_changed()",
            $"CREATE TRIGGER tr_{table}_truncate_changes AFTER TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION qev_fact_table_truncated()",
        }),
    ];

    public override IReadOnlyList<string> DropFactChangeTriggers(IReadOnlyList<string> tables) => [];

    // Statement triggers with transition tables, one function per table and statement kind (a function may name only the
    // transition tables its trigger has). They fire after M018's ("changes" sorts before "keys"), so the counter they
    // record is this transaction's, which the row lock on fact_changes makes rise in commit order: a scan that read seq S
    // in its snapshot saw exactly the keys recorded with a counter up to S, and deletes only those.
    public override IReadOnlyList<string> PartitionKeyTriggers(IReadOnlyList<PartitionKeyedTable> tables) =>
    [
        "CREATE OR REPLACE FUNCTION qev_keys_truncated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + "UPDATE fact_changes SET seq = seq + 1 WHERE id = 1; "
            + $"INSERT INTO fact_partition_changes (scope, partition_id, change_id) SELECT '{PartitionKeyedTable.Unkeyed}', '{PartitionKeyedTable.Unkeyed}', seq FROM fact_changes WHERE id = 1 "
            + "ON CONFLICT (scope, partition_id) DO UPDATE SET change_id = EXCLUDED.change_id; RETURN NULL; END $$",
        .. tables.SelectMany(table => KeyedStatements.SelectMany(op => KeyTrigger(table, op))),
        .. tables.Select(table => $"CREATE TRIGGER tr_{table.Table}_truncate_keys AFTER TRUNCATE ON {table.Table} FOR EACH STATEMENT EXECUTE FUNCTION qev_keys_truncated()"),
    ];

    public override IReadOnlyList<string> DropPartitionKeyTriggers(IReadOnlyList<PartitionKeyedTable> tables) => [];

    private static readonly string[] KeyedStatements = ["INSERT", "UPDATE", "DELETE"];

    private static string[] KeyTrigger(PartitionKeyedTable table, string op)
    {
        string[] sources = op switch { "INSERT" => ["new_rows"], "DELETE" => ["old_rows"], _ => ["new_rows", "old_rows"] };
        var filter = table.When is null ? "" : " WHERE " + table.WhenOf("r");
        var keys = string.Join(" UNION ", sources.Select(t => $"SELECT {table.KeyOf("r")} AS k FROM {t} r{filter}"));
        var name = $"qev_keys_{table.Table}_{op.ToLowerInvariant()}";
        var counts = table.Counts
            ? $"IF EXISTS (SELECT 1 FROM ({keys}) x WHERE k IS NOT NULL) THEN UPDATE fact_changes SET seq = seq + 1 WHERE id = 1; END IF; "
            : "";
        var referencing = op switch
        {
            "INSERT" => "NEW TABLE AS new_rows",
            "DELETE" => "OLD TABLE AS old_rows",
            _ => "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        };
        return
        [
            $"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {counts}"
                + $"INSERT INTO fact_partition_changes (scope, partition_id, change_id) SELECT DISTINCT '{table.Scope}', k, (SELECT seq FROM fact_changes WHERE id = 1) "
                + $"FROM ({keys}) x WHERE k IS NOT NULL ON CONFLICT (scope, partition_id) DO UPDATE SET change_id = EXCLUDED.change_id; RETURN NULL; END $$",
            $"CREATE TRIGGER tr_{table.Table}_{op.ToLowerInvariant()}_keys AFTER {op} ON {table.Table} REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
        ];
    }

    public override string Ddl(string portableSql) => portableSql
        .Replace("{date}", "date", StringComparison.Ordinal)
        .Replace("{bool}", "boolean", StringComparison.Ordinal)
        .Replace("{timestamp}", "timestamptz", StringComparison.Ordinal)
        .Replace("{text}", "text", StringComparison.Ordinal)
        .Replace("{int}", "integer", StringComparison.Ordinal);

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override Task PrepareAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = MigrationLockKey }, tx, cancellationToken: ct));

    public override bool SharesScans => true;

    public override async Task LockForScanAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@key)", new { key = ScanLockKey }, tx, cancellationToken: ct));

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(ct);
}
