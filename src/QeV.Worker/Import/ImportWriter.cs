using System.Data.Common;
using Dapper;
using QeV.Domain.Tables;
using QeV.Worker.Store;

namespace QeV.Worker.Import;

/// <summary>Upserts all tables by id in one transaction: all rows or none.</summary>
public sealed class ImportWriter(Database database)
{
    public Database Database => database;

    public async Task<IReadOnlyDictionary<string, HashSet<string>>> LoadKeysAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var keys = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var spec in ImportCatalog.Tables)
        {
            // Identifiers come from the fixed catalogue, never from the file.
            var sql = $"SELECT {string.Join(", ", spec.KeyColumns)} FROM {spec.Table}";
            var rows = await connection.QueryAsync(new CommandDefinition(sql, cancellationToken: ct));
            keys[spec.Table] = rows
                .Select(r => (IDictionary<string, object?>)r)
                .Select(r => string.Join('\u001f', spec.KeyColumns.Select(c => ImportRow.KeyPart(r[c]))))
                .ToHashSet(StringComparer.Ordinal);
        }

        foreach (var column in ImportCatalog.Tables.SelectMany(t => t.Columns).Where(c => c.ReferencesKind is not null))
        {
            var target = ImportCatalog.Get(column.References!);
            var sql = $"SELECT {target.KeyColumns[0]} FROM {target.Table} WHERE kind = @kind";
            var ids = await connection.QueryAsync<string>(new CommandDefinition(sql, new { kind = column.ReferencesKind }, cancellationToken: ct));
            keys[ImportValidator.KindSet(column)] = ids.ToHashSet(StringComparer.Ordinal);
        }

        return keys;
    }

    public async Task<ImportSummary> WriteAsync(
        IReadOnlyList<ImportTable> tables,
        IReadOnlyDictionary<string, HashSet<string>> existingKeys,
        IProgress<string>? progress,
        CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var summaries = new List<ImportFileSummary>();

        foreach (var table in tables.Where(t => t.FilePresent))
        {
            var existing = existingKeys[table.Spec.Table];
            var stored = existing.Count == 0 ? [] : await FingerprintsAsync(connection, tx, table.Spec, ct);
            var keys = table.Spec.KeyColumns;
            var inserted = table.Rows.Count(r => !existing.Contains(r.Key(keys)));
            var changed = table.Rows
                .Where(r => !stored.TryGetValue(r.Key(keys), out var before) || before != Fingerprint(table.Spec, r.Values.GetValueOrDefault))
                .ToList();
            await UpsertAsync(connection, tx, table with { Rows = changed }, database.Dialect, ct);
            summaries.Add(new ImportFileSummary(table.Spec.FileName, table.Rows.Count, inserted, changed.Count - inserted, table.Rows.Count - changed.Count));
        }

        await tx.CommitAsync(ct);
        return new ImportSummary(summaries);
    }

    /// <summary>Each stored row of the table as one comparable string, by key.</summary>
    private static async Task<Dictionary<string, string>> FingerprintsAsync(DbConnection connection, DbTransaction tx, TableSpec spec, CancellationToken ct)
    {
        // Identifiers come from the fixed catalogue, never from the file.
        var sql = $"SELECT {string.Join(", ", spec.Columns.Select(c => c.Name))} FROM {spec.Table}";
        var rows = await connection.QueryAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: ct));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (IDictionary<string, object?> row in rows)
        {
            result[string.Join('\u001f', spec.KeyColumns.Select(c => ImportRow.KeyPart(row[c])))] = Fingerprint(spec, c => row[c]);
        }

        return result;
    }

    /// <summary>Values as the engines return them (0/1 or bool, text or date) brought to one form.</summary>
    private static string Fingerprint(TableSpec spec, Func<string, object?> value) =>
        string.Join('\u001f', spec.Columns.Select(c => value(c.Name) switch
        {
            bool b => b ? "1" : "0",
            DBNull => "",
            var v => ImportRow.KeyPart(v),
        }));

    private static async Task UpsertAsync(DbConnection connection, DbTransaction tx, ImportTable table, ISqlDialect dialect, CancellationToken ct)
    {
        var columns = table.Spec.Columns.Select(c => c.Name).ToList();
        var update = columns.Where(c => !table.Spec.KeyColumns.Contains(c)).ToList();
        foreach (var batch in table.Rows.Chunk(dialect.RowsPerStatement(columns.Count)))
        {
            var parameters = new DynamicParameters();
            for (var i = 0; i < batch.Length; i++)
            {
                foreach (var column in columns)
                {
                    parameters.Add($"{column}_{i}", batch[i].Values.GetValueOrDefault(column));
                }
            }

            var sql = dialect.UpsertMany(table.Spec.Table, columns, batch.Length, table.Spec.KeyColumns, update);
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, tx, cancellationToken: ct));
        }
    }
}
