using System.Data.Common;

namespace QeV.Worker.Store;

/// <summary>
/// Everything that differs between database engines lives behind this seam: column types in DDL, how the schema
/// is locked while it migrates, how rows are claimed. SQL Server is the third implementation.
/// </summary>
public interface ISqlDialect
{
    string Name { get; }

    /// <summary>Replaces the type tokens {date}, {bool}, {timestamp}, {text} and {int} in portable DDL.</summary>
    string Ddl(string portableSql);

    DbConnection CreateConnection(string connectionString);

    /// <summary>Runs right after a connection opens (pragmas, session settings).</summary>
    Task PrepareAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Serialises schema migrations between processes for the lifetime of <paramref name="tx"/>.</summary>
    Task LockForMigrationAsync(DbConnection connection, DbTransaction tx, CancellationToken ct);

    /// <summary>INSERT that updates <paramref name="update"/> when a row with the same key exists (SQL Server: MERGE).</summary>
    string Upsert(string table, IReadOnlyList<(string Column, string Value)> values, IReadOnlyList<string> key, IReadOnlyList<string> update);

    /// <summary>
    /// Upsert of <paramref name="rows"/> rows in one statement, parameters named @&lt;column&gt;_&lt;row&gt;; the rows must
    /// have distinct keys.
    /// </summary>
    /// <summary>
    /// How many rows of <paramref name="columns"/> columns one <see cref="UpsertMany"/> should carry: many on a server
    /// (round trips cost), one on SQLite (in-process, and its parameter lookup grows with the square of their number).
    /// </summary>
    int RowsPerStatement(int columns);

    string UpsertMany(string table, IReadOnlyList<string> columns, int rows, IReadOnlyList<string> key, IReadOnlyList<string> update);

    /// <summary>INSERT that leaves an existing row with the same key alone; affects 0 rows then.</summary>
    string InsertIfAbsent(string table, IReadOnlyList<(string Column, string Value)> values, IReadOnlyList<string> key);

    /// <summary>Row limit at the end of a SELECT, e.g. "LIMIT @batch" (SQL Server: OFFSET 0 ROWS FETCH NEXT … ROWS ONLY).</summary>
    string Limit(string parameter);

    /// <summary>
    /// "<paramref name="column"/> is one of the list <paramref name="parameter"/>": Dapper expands "IN @keys" into one
    /// parameter per element, but hands a list to Npgsql as one array, which PostgreSQL compares with "= ANY(@keys)".
    /// </summary>
    string InList(string column, string parameter);

    /// <summary>
    /// The value to bind to <see cref="InList"/>'s parameter: on SQLite one JSON array (read by <c>json_each</c>, so a
    /// list of 500 keys is one bound value, not 500 that the driver looks up by name one at a time), an array elsewhere.
    /// </summary>
    object ListOf(IReadOnlyCollection<string> values);

    /// <summary>
    /// The rows of a JSON array of objects bound to <paramref name="parameter"/>, as a table named
    /// <paramref name="alias"/> with <paramref name="columns"/> (SQLite <c>json_each</c>, PostgreSQL
    /// <c>jsonb_to_recordset</c>), for one statement over many rows; null where the dialect has none here (SQL Server:
    /// the caller writes row group by row group). Instants in the JSON are <see cref="Instant"/>'s values.
    /// </summary>
    string? JsonRows(string parameter, string alias, IReadOnlyList<JsonColumn> columns);

    /// <summary>
    /// A column in ORDER BY so that rows come in ordinal (byte) order of the key, the order the partition merge compares
    /// in: SQLite's default BINARY collation already is; PostgreSQL's database collation may not be.
    /// </summary>
    string OrdinalOrder(string column);

    /// <summary>Clause appended to a SELECT that claims rows so concurrent workers skip them ("" where the engine serialises writers).</summary>
    string SkipLockedClause { get; }

    /// <summary>
    /// Table hint after the claimed table's name in FROM, for engines that lock by hint rather than by a trailing
    /// clause (SQL Server: WITH (UPDLOCK, READPAST, ROWLOCK)); "" elsewhere.
    /// </summary>
    string ClaimTableHint { get; }

    /// <summary>An instant as this engine stores it: ISO text in UTC on SQLite, timestamptz on PostgreSQL.</summary>
    object Instant(DateTimeOffset value);

    /// <summary>
    /// Whether several instances share one scan of the deadlines table, each claiming partition ranges
    /// (<c>Scan/SharedScan</c>): PostgreSQL. Elsewhere a scan is one write transaction.
    /// </summary>
    bool SharesScans { get; }

    /// <summary>
    /// Serialises scans (single-transaction ones, and the start of a shared scan's generation) between processes for the
    /// lifetime of <paramref name="tx"/>: an advisory lock on PostgreSQL; nothing where the write lock already does it.
    /// </summary>
    Task LockForScanAsync(DbConnection connection, DbTransaction tx, CancellationToken ct);

    /// <summary>
    /// DDL that makes every change to the fact tables <paramref name="tables"/> count in <c>fact_changes.seq</c>
    /// (read by <c>Scan/FactsVersion</c>), whoever writes them: the import, <c>generate</c>, a source sync or a hand-made UPDATE.
    /// The statements run as they are, after the migration's portable part.
    /// </summary>
    IReadOnlyList<string> FactChangeTriggers(IReadOnlyList<string> tables);

    /// <summary>
    /// What <see cref="BulkFactWrite"/> drops for the length of a bulk write: SQLite's row triggers; nothing where the
    /// triggers fire once per statement.
    /// </summary>
    IReadOnlyList<string> DropFactChangeTriggers(IReadOnlyList<string> tables);

    /// <summary>
    /// Whether the engine records which partitions changed (M019, <see cref="PartitionKeyTriggers"/>), so that a scan on the
    /// same day reads only those; false: every scan with a change reads every partition.
    /// </summary>
    bool TracksPartitionChanges { get; }

    /// <summary>
    /// DDL that records, for every change to a row of <paramref name="tables"/>, its partition's key in
    /// <c>fact_partition_changes</c> with the counter of <c>fact_changes</c> at that moment (old and new key on an
    /// update); a TRUNCATE records the unkeyed marker. Empty where <see cref="TracksPartitionChanges"/> is false.
    /// </summary>
    IReadOnlyList<string> PartitionKeyTriggers(IReadOnlyList<PartitionKeyedTable> tables);

    /// <summary>What <see cref="BulkFactWrite"/> drops of <see cref="PartitionKeyTriggers"/> for the length of a bulk write.</summary>
    IReadOnlyList<string> DropPartitionKeyTriggers(IReadOnlyList<PartitionKeyedTable> tables);

    /// <summary>Drops an index if it is there (T-SQL names its table as well).</summary>
    string DropIndex(string table, string index);

    /// <summary>Starts a transaction that may write (SQLite takes the write lock at once so readers cannot deadlock it).</summary>
    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);
}
