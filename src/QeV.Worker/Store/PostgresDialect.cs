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
