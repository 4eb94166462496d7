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
