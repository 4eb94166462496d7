using System.Data.Common;

namespace QeV.Worker.Store;

/// <summary>
/// What SQLite (3.24+) and PostgreSQL (9.5+) spell the same way: INSERT … ON CONFLICT and LIMIT. A SQL Server dialect
/// implements <see cref="ISqlDialect"/> directly (MERGE, OFFSET … FETCH).
/// </summary>
public abstract class OnConflictDialect : ISqlDialect
{
    public abstract string Name { get; }

    public abstract string SkipLockedClause { get; }

    public abstract string InList(string column, string parameter);

    public abstract object ListOf(IReadOnlyCollection<string> values);

    public abstract string? JsonRows(string parameter, string alias, IReadOnlyList<JsonColumn> columns);

    public string ClaimTableHint => "";

    public abstract string OrdinalOrder(string column);

    public string DropIndex(string table, string index) => $"DROP INDEX IF EXISTS {index}";

    public abstract object Instant(DateTimeOffset value);

    public abstract string Ddl(string portableSql);

    public abstract IReadOnlyList<string> FactChangeTriggers(IReadOnlyList<string> tables);

    public abstract IReadOnlyList<string> DropFactChangeTriggers(IReadOnlyList<string> tables);

    public bool TracksPartitionChanges => true;

    public abstract IReadOnlyList<string> PartitionKeyTriggers(IReadOnlyList<PartitionKeyedTable> tables);

    public abstract IReadOnlyList<string> DropPartitionKeyTriggers(IReadOnlyList<PartitionKeyedTable> tables);

    public abstract DbConnection CreateConnection(string connectionString);

    public abstract Task PrepareAsync(DbConnection connection, CancellationToken ct);

    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction tx, CancellationToken ct);

    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    public abstract bool SharesScans { get; }

    public abstract Task LockForScanAsync(DbConnection connection, DbTransaction tx, CancellationToken ct);

    public string Upsert(string table, IReadOnlyList<(string Column, string Value)> values, IReadOnlyList<string> key, IReadOnlyList<string> update) =>
        Insert(table, values) + OnConflict(key, update);

    public abstract int RowsPerStatement(int columns);

    public string UpsertMany(string table, IReadOnlyList<string> columns, int rows, IReadOnlyList<string> key, IReadOnlyList<string> update) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES "
        + string.Join(", ", Enumerable.Range(0, rows).Select(i => "(" + string.Join(", ", columns.Select(c => $"@{c}_{i}")) + ")"))
        + OnConflict(key, update);

    public string InsertIfAbsent(string table, IReadOnlyList<(string Column, string Value)> values, IReadOnlyList<string> key) =>
        Insert(table, values) + $" ON CONFLICT ({string.Join(", ", key)}) DO NOTHING";

    public string Limit(string parameter) => "LIMIT " + parameter;

    private static string OnConflict(IReadOnlyList<string> key, IReadOnlyList<string> update) =>
        $" ON CONFLICT ({string.Join(", ", key)}) "
        + (update.Count == 0 ? "DO NOTHING" : $"DO UPDATE SET {string.Join(", ", update.Select(c => $"{c} = excluded.{c}"))}");

    private static string Insert(string table, IReadOnlyList<(string Column, string Value)> values) =>
        $"INSERT INTO {table} ({string.Join(", ", values.Select(v => v.Column))}) VALUES ({string.Join(", ", values.Select(v => v.Value))})";
}
