using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;

namespace QeV.Worker.Store;

/// <summary>
/// SQL Server (2016 and later; Azure SQL). Each difference from the ON CONFLICT dialects is written so that it can be
/// checked against Microsoft's T-SQL reference:
/// <list type="bullet">
/// <item>upsert: MERGE … WITH (HOLDLOCK) — without the hint two sessions can both find no row and the second INSERT
/// fails on the key (error 2627); HOLDLOCK (= SERIALIZABLE) holds the key-range lock from the match to the insert;</item>
/// <item>row limit: ORDER BY … OFFSET 0 ROWS FETCH NEXT @n ROWS ONLY (every limited query here has an ORDER BY);</item>
/// <item>claims: the table hint WITH (UPDLOCK, READPAST, ROWLOCK) in the FROM clause: update locks held to the end of
/// the transaction, rows another claimer holds are skipped (READPAST needs READ COMMITTED or REPEATABLE READ, the
/// default of <see cref="BeginWriteAsync"/>);</item>
/// <item>migrations: sp_getapplock with @LockOwner = 'Transaction', released by COMMIT or ROLLBACK;</item>
/// <item>DDL: <see cref="TSqlDdl"/> (types, IF NOT EXISTS, ADD COLUMN, the reserved word RULE).</item>
/// </list>
/// </summary>
public sealed class SqlServerDialect : ISqlDialect
{
    private const string MigrationLock = "qev-migrations";

    public string Name => "sqlserver";

    public string SkipLockedClause => "";

    public string ClaimTableHint => "WITH (UPDLOCK, READPAST, ROWLOCK)";

    public object Instant(DateTimeOffset value) => value.ToUniversalTime();

    public string Ddl(string portableSql) => TSqlDdl.Translate(portableSql);

    // Statement triggers (T-SQL has no others), counting only when rows changed; CREATE TRIGGER must open its batch, hence EXEC.
    public IReadOnlyList<string> FactChangeTriggers(IReadOnlyList<string> tables) =>
        [.. tables.Select(table =>
            $"IF OBJECT_ID(N'tr_{table}_changes', N'TR') IS NULL EXEC(N'CREATE TRIGGER tr_{table}_changes ON {table} AFTER INSERT, UPDATE, DELETE AS "
            + "BEGIN SET NOCOUNT ON; IF EXISTS (SELECT 1 FROM inserted) OR EXISTS (SELECT 1 FROM deleted) UPDATE fact_changes SET seq = seq + 1 WHERE id = 1; END')")];

    public IReadOnlyList<string> DropFactChangeTriggers(IReadOnlyList<string> tables) => [];

    // Not built for SQL Server (no server to test it against here): a scan after a change reads every partition.
    public bool TracksPartitionChanges => false;

    public IReadOnlyList<string> PartitionKeyTriggers(IReadOnlyList<PartitionKeyedTable> tables) => [];

    public IReadOnlyList<string> DropPartitionKeyTriggers(IReadOnlyList<PartitionKeyedTable> tables) => [];

    public DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    // XACT_ABORT: any run-time error rolls the whole transaction back instead of leaving it open with half its work.
    public async Task PrepareAsync(DbConnection connection, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("SET XACT_ABORT ON;", cancellationToken: ct));

    public async Task LockForMigrationAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var result = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            DECLARE @result int;
            EXEC @result = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 120000;
            SELECT @result;
            """,
            new { resource = MigrationLock }, tx, cancellationToken: ct));
        if (result < 0)
        {
            throw new StoreUnavailableException($"Die Migrationssperre ist nicht zu bekommen (sp_getapplock {result}).");
        }
    }

    public bool SharesScans => false;

    // As before the shared scan: SQL Server's scan is one transaction without a lock of its own.
    public Task LockForScanAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) => Task.CompletedTask;

    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);

    // At most 2,100 parameters per request and 1,000 rows per table value constructor.
    public int RowsPerStatement(int columns) => Math.Clamp(2_000 / columns, 1, 1_000);

    public string Upsert(string table, IReadOnlyList<(string Column, string Value)> values, IReadOnlyList<string> key, IReadOnlyList<string> update) =>
        Merge(table, values.Select(v => v.Column).ToList(), [values.Select(v => v.Value).ToList()], key, update);

    public string UpsertMany(string table, IReadOnlyList<string> columns, int rows, IReadOnlyList<string> key, IReadOnlyList<string> update) =>
        Merge(table, columns, Enumerable.Range(0, rows).Select(i => columns.Select(c => $"@{c}_{i}").ToList()).ToList(), key, update);

    // MERGE without WHEN MATCHED: an existing row is left alone and the statement affects 0 rows.
    public string InsertIfAbsent(string table, IReadOnlyList<(string Column, string Value)> values, IReadOnlyList<string> key) =>
        Merge(table, values.Select(v => v.Column).ToList(), [values.Select(v => v.Value).ToList()], key, []);

    // A binary collation compares code points, the ordinal order the partition merge expects (BIN2: all of them).
    public string OrdinalOrder(string column) => column + " COLLATE Latin1_General_BIN2";

    public string DropIndex(string table, string index) => $"DROP INDEX IF EXISTS {index} ON {table}";

    // Dapper expands "IN @keys" into one parameter per element for SqlClient.
    public string InList(string column, string parameter) => $"{column} IN {parameter}";

    public object ListOf(IReadOnlyCollection<string> values) => values as string[] ?? [.. values];

    // OPENJSON would serve; not tried here without a SQL Server, so the journal is applied row group by row group.
    public string? JsonRows(string parameter, string alias, IReadOnlyList<JsonColumn> columns) => null;

    public string Limit(string parameter) => $"OFFSET 0 ROWS FETCH NEXT {parameter} ROWS ONLY";

    public static string Quote(string column) => "[" + column.Replace("]", "]]", StringComparison.Ordinal) + "]";

    private static string Merge(
        string table, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<string> key, IReadOnlyList<string> update)
    {
        var names = string.Join(", ", columns.Select(Quote));
        var sql = $"MERGE INTO {table} WITH (HOLDLOCK) AS target "
            + $"USING (VALUES {string.Join(", ", rows.Select(r => "(" + string.Join(", ", r) + ")"))}) AS source ({names}) "
            + $"ON {string.Join(" AND ", key.Select(k => $"target.{Quote(k)} = source.{Quote(k)}"))} ";
        if (update.Count > 0)
        {
            sql += $"WHEN MATCHED THEN UPDATE SET {string.Join(", ", update.Select(c => $"target.{Quote(c)} = source.{Quote(c)}"))} ";
        }

        // MERGE is the one T-SQL statement that must end with a semicolon.
        return sql + $"WHEN NOT MATCHED THEN INSERT ({names}) VALUES ({string.Join(", ", columns.Select(c => "source." + Quote(c)))});";
    }
}
