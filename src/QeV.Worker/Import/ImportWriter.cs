using System.Data.Common;
using Dapper;
using QeV.Domain.Tables;
using QeV.Worker.Store;

namespace QeV.Worker.Import;

/// <summary>Upserts all tables by id in one transaction: all rows or none.</summary>
public sealed class ImportWriter(Database database)
{
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
            var inserted = table.Rows.Count(r => !existing.Contains(r.Key(table.Spec.KeyColumns)));
            await UpsertAsync(connection, tx, table, database.Dialect, ct);
            summaries.Add(new ImportFileSummary(table.Spec.FileName, table.Rows.Count, inserted, table.Rows.Count - inserted));
            progress?.Report($"{table.Spec.FileName}: {table.Rows.Count} Zeilen übernommen");
        }

        await tx.CommitAsync(ct);
        return new ImportSummary(summaries);
    }

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
