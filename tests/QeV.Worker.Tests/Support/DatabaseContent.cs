using System.Data.Common;
using System.Globalization;
using Dapper;
using QeV.Domain.Tables;
using QeV.Worker.Import;
using QeV.Worker.Store;

namespace QeV.Worker.Tests.Support;

/// <summary>
/// What a database holds, read back for comparison on either engine: row counts, every row as text, the tables and
/// columns of the schema. Table names come from the fixed catalogue or from the engine's own catalogue, never from input.
/// </summary>
public static class DatabaseContent
{
    public static async Task<Dictionary<string, long>> CountRowsAsync(Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var spec in ImportCatalog.Tables)
        {
            counts[spec.Table] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {spec.Table}");
        }

        return counts;
    }

    /// <summary>One line per fact table with its count, then one line per row with every column, in key order.</summary>
    public static async Task<List<string>> SnapshotAsync(Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var lines = new List<string>();
        foreach (var spec in ImportCatalog.Tables)
        {
            await AppendRowsAsync(connection, spec.Table, spec.KeyColumns, lines);
        }

        return lines;
    }

    /// <summary>Like <see cref="SnapshotAsync(Database)"/>, but for every table the database has (ledger and schema_migrations too).</summary>
    public static async Task<List<string>> SnapshotAllTablesAsync(Database database)
    {
        var tables = await TablesAsync(database);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var lines = new List<string>();
        foreach (var table in tables)
        {
            var columns = (await ColumnsAsync(connection, database, table)).Select(c => c.Name).ToList();
            await AppendRowsAsync(connection, table, columns, lines);
        }

        return lines;
    }

    /// <summary>The user tables of the database, sorted by name (sqlite_master on SQLite, information_schema on PostgreSQL).</summary>
    public static async Task<List<string>> TablesAsync(Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var sql = IsPostgres(database)
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
        return (await connection.QueryAsync<string>(sql)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The columns of <paramref name="table"/> in declaration order, with the type the engine reports.</summary>
    public static async Task<List<(string Name, string Type, bool NotNull)>> ColumnsAsync(Database database, string table)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await ColumnsAsync(connection, database, table);
    }

    /// <summary>
    /// The whole schema as text: every table with its columns, types and nullability, and every index with its columns,
    /// so two calls compare equal exactly when nothing in the schema changed.
    /// </summary>
    public static async Task<List<string>> SchemaAsync(Database database)
    {
        var lines = new List<string>();
        var tables = await TablesAsync(database);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        foreach (var table in tables)
        {
            lines.Add("table " + table);
            lines.AddRange((await ColumnsAsync(connection, database, table))
                .Select(c => $"  {c.Name} {c.Type}{(c.NotNull ? " NOT NULL" : "")}"));
        }

        var indexes = IsPostgres(database)
            ? await connection.QueryAsync<string>(
                "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()")
            : await connection.QueryAsync<string>(
                "SELECT name || ': ' || coalesce(sql, 'auto ' || tbl_name) FROM sqlite_master WHERE type = 'index'");
        lines.AddRange(indexes.Order(StringComparer.Ordinal).Select(i => "index " + i));
        return lines;
    }

    /// <summary>Counts of the database at <paramref name="pathOrConnectionString"/>; a SQLite file must exist (a missing one would be created).</summary>
    public static Task<Dictionary<string, long>> CountRowsAsync(string pathOrConnectionString) =>
        CountRowsAsync(Existing(pathOrConnectionString));

    public static Task<List<string>> SnapshotAsync(string pathOrConnectionString) =>
        SnapshotAsync(Existing(pathOrConnectionString));

    private static Database Existing(string pathOrConnectionString)
    {
        if (!Database.IsPostgres(pathOrConnectionString))
        {
            File.Exists(pathOrConnectionString).ShouldBeTrue($"database file {pathOrConnectionString} missing");
        }

        return new Database(pathOrConnectionString);
    }

    private static bool IsPostgres(Database database) => database.FilePath is null;

    private static async Task AppendRowsAsync(DbConnection connection, string table, IReadOnlyList<string> orderBy, List<string> lines)
    {
        var rows = (await connection.QueryAsync($"SELECT * FROM {table} ORDER BY {string.Join(", ", orderBy)}"))
            .Cast<IDictionary<string, object?>>()
            .ToList();
        lines.Add($"{table}: {rows.Count} rows");
        lines.AddRange(rows.Select(row => table + " | " + string.Join(" | ", row.Select(c => $"{c.Key}={Format(c.Value)}"))));
    }

    private static async Task<List<(string Name, string Type, bool NotNull)>> ColumnsAsync(
        DbConnection connection, Database database, string table)
    {
        if (IsPostgres(database))
        {
            var rows = await connection.QueryAsync<(string, string, string)>(
                """
                SELECT column_name, data_type, is_nullable FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position
                """,
                new { table });
            return rows.Select(r => (r.Item1, r.Item2, r.Item3 == "NO")).ToList();
        }

        // pragma_table_info takes the table name as a bound argument.
        var sqlite = await connection.QueryAsync<(string, string, long, long)>(
            "SELECT name, type, \"notnull\", pk FROM pragma_table_info(@table) ORDER BY cid", new { table });
        return sqlite.Select(r => (r.Item1, r.Item4 != 0 ? r.Item2 + " PRIMARY KEY" : r.Item2, r.Item3 != 0)).ToList();
    }

    private static string Format(object? value) => value switch
    {
        null => "<null>",
        string s => "'" + s + "'",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
