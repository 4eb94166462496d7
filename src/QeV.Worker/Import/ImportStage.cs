using System.Data.Common;
using Dapper;
using QeV.Demo.Synthetic;
using QeV.Domain.Tables;
using QeV.Worker.Store;
using QeV.Worker.Store.Bulk;

namespace QeV.Worker.Import;

/// <summary>
/// The temporary table that holds one import file inside the import's transaction: every column of the file plus
/// its line, so duplicates and references are checked in SQL, with the line to name, and nothing has to stay in
/// memory. Table and column names come from the fixed catalogue, never from the file.
/// </summary>
public sealed class ImportStage(TableSpec spec, ISqlDialect dialect)
{
    public const string LineColumn = "import_line";

    public TableSpec Spec => spec;

    public string Name { get; } = "import_stage_" + spec.Table;

    /// <summary>The stage as the bulk writer sees it: line first, then the file's columns in catalogue order.</summary>
    public BulkTable BulkTable { get; } = new("import_stage_" + spec.Table,
        [(LineColumn, SyntheticType.Number), .. spec.Columns.Select(c => (c.Name, TypeOf(c.Kind)))]);

    public async Task CreateAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var columns = string.Join(", ", spec.Columns.Select(c => $"{c.Name} {Placeholder(TypeOf(c.Kind))}"));
        await ExecuteAsync(connection, tx, $"DROP TABLE IF EXISTS {Name}", ct);
        await ExecuteAsync(connection, tx, dialect.Ddl($"CREATE TEMP TABLE {Name} ({LineColumn} {{int}} NOT NULL, {columns})"), ct);
    }

    /// <summary>After loading: the key index that serves the duplicate check and references from other files.</summary>
    public async Task IndexAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        await ExecuteAsync(connection, tx, $"CREATE INDEX {Name}_key ON {Name} ({string.Join(", ", spec.KeyColumns)}, {LineColumn})", ct);
        if (dialect is PostgresDialect)
        {
            // A temporary table has no statistics until analysed; without them the planner guesses badly at millions of rows.
            await ExecuteAsync(connection, tx, $"ANALYZE {Name}", ct);
        }
    }

    public async Task DropAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        await ExecuteAsync(connection, tx, $"DROP TABLE IF EXISTS {Name}", ct);

    /// <summary>Every line whose key came earlier in the same file, with the first line.</summary>
    public async Task<List<ImportError>> DuplicatesAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var keys = spec.KeyColumns;
        var sql = $"""
            SELECT s.{LineColumn} AS line, d.first_line, {string.Join(", ", keys.Select(k => "s." + k))}
            FROM {Name} s
            JOIN (SELECT {string.Join(", ", keys)}, MIN({LineColumn}) AS first_line FROM {Name}
                  GROUP BY {string.Join(", ", keys)} HAVING COUNT(*) > 1) d
              ON {string.Join(" AND ", keys.Select(k => $"d.{k} = s.{k}"))}
            WHERE s.{LineColumn} > d.first_line
            ORDER BY s.{LineColumn}
            """;
        var rows = await connection.QueryAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: ct));
        return rows.Cast<IDictionary<string, object?>>()
            .Select(r => ImportValidator.Duplicate(spec, Convert.ToInt32(r["line"], System.Globalization.CultureInfo.InvariantCulture),
                string.Join('\u001f', keys.Select(k => ImportRow.KeyPart(r[k]))),
                Convert.ToInt32(r["first_line"], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>
    /// Lines whose <paramref name="column"/> names an id that neither the database nor the referenced file (when
    /// staged in this run) holds.
    /// </summary>
    public async Task<List<ImportError>> UnknownReferencesAsync(
        DbConnection connection, DbTransaction tx, ColumnSpec column, ImportStage? target, CancellationToken ct)
    {
        var targetSpec = ImportCatalog.Get(column.References!);
        var targetKey = targetSpec.KeyColumns[0];
        var inRun = target is null ? "" : $"AND NOT EXISTS (SELECT 1 FROM {target.Name} x WHERE x.{targetKey} = s.{column.Name})";
        var sql = $"""
            SELECT s.{LineColumn} AS line, s.{column.Name} AS id FROM {Name} s
            WHERE s.{column.Name} IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM {targetSpec.Table} t WHERE t.{targetKey} = s.{column.Name})
              {inRun}
            ORDER BY s.{LineColumn}
            """;
        var rows = await connection.QueryAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: ct));
        return rows.Cast<IDictionary<string, object?>>()
            .Select(r => ImportValidator.UnknownReference(spec, Convert.ToInt32(r["line"], System.Globalization.CultureInfo.InvariantCulture), column, (string)r["id"]!))
            .ToList();
    }

    /// <summary>
    /// Lines whose <paramref name="column"/> names a known id whose row has not the column's required kind
    /// (<see cref="QeV.Domain.Tables.ColumnSpec.ReferencesKind"/>): the staged row when this run imports it, else the
    /// stored one. Unknown ids are <see cref="UnknownReferencesAsync"/>'s.
    /// </summary>
    public async Task<List<ImportError>> WrongKindReferencesAsync(
        DbConnection connection, DbTransaction tx, ColumnSpec column, ImportStage? target, CancellationToken ct)
    {
        var targetSpec = ImportCatalog.Get(column.References!);
        var key = targetSpec.KeyColumns[0];
        var stored = $"EXISTS (SELECT 1 FROM {targetSpec.Table} t WHERE t.{key} = s.{column.Name} AND t.kind <> @kind)";
        var condition = target is null
            ? stored
            : $"""
              (EXISTS (SELECT 1 FROM {target.Name} x WHERE x.{key} = s.{column.Name} AND x.kind <> @kind)
               OR (NOT EXISTS (SELECT 1 FROM {target.Name} x WHERE x.{key} = s.{column.Name}) AND {stored}))
              """;
        var sql = $"""
            SELECT s.{LineColumn} AS line, s.{column.Name} AS id FROM {Name} s
            WHERE s.{column.Name} IS NOT NULL AND {condition}
            ORDER BY s.{LineColumn}
            """;
        var rows = await connection.QueryAsync(new CommandDefinition(sql, new { kind = column.ReferencesKind }, tx, cancellationToken: ct));
        return rows.Cast<IDictionary<string, object?>>()
            .Select(r => ImportValidator.WrongKind(spec, Convert.ToInt32(r["line"], System.Globalization.CultureInfo.InvariantCulture), column, (string)r["id"]!))
            .ToList();
    }

    /// <summary>Rows of the file whose key the table does not hold yet.</summary>
    public async Task<long> CountNewAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {Name} s WHERE NOT EXISTS (SELECT 1 FROM {spec.Table} t WHERE {KeyMatch("t", "s")})",
            transaction: tx, cancellationToken: ct));

    /// <summary>
    /// Upserts the staged rows by key; a stored row equal in every column is left alone. Returns the rows inserted or
    /// changed.
    /// </summary>
    public async Task<long> MergeAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var columns = spec.Columns.Select(c => c.Name).ToList();
        var update = columns.Where(c => !spec.KeyColumns.Contains(c)).ToList();
        var list = string.Join(", ", columns);
        var onConflict = update.Count == 0
            ? "DO NOTHING"
            : $"DO UPDATE SET {string.Join(", ", update.Select(c => $"{c} = excluded.{c}"))} "
              + $"WHERE {string.Join(" OR ", update.Select(c => $"{spec.Table}.{c} IS DISTINCT FROM excluded.{c}"))}";
        // "WHERE true" keeps SQLite from reading ON CONFLICT as a join constraint of the SELECT.
        var sql = $"INSERT INTO {spec.Table} ({list}) SELECT {list} FROM {Name} WHERE true "
            + $"ON CONFLICT ({string.Join(", ", spec.KeyColumns)}) {onConflict}";
        return await connection.ExecuteAsync(new CommandDefinition(sql, transaction: tx, commandTimeout: 0, cancellationToken: ct));
    }

    private string KeyMatch(string left, string right) =>
        string.Join(" AND ", spec.KeyColumns.Select(k => $"{left}.{k} = {right}.{k}"));

    private static SyntheticType TypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Date => SyntheticType.Date,
        ColumnKind.Bool => SyntheticType.Bool,
        ColumnKind.Number => SyntheticType.Number,
        _ => SyntheticType.Text,
    };

    private static string Placeholder(SyntheticType type) => type switch
    {
        SyntheticType.Date => "{date}",
        SyntheticType.Bool => "{bool}",
        SyntheticType.Number => "{int}",
        _ => "{text}",
    };

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(sql, transaction: tx, commandTimeout: 0, cancellationToken: ct));
}
