using QeV.Domain.Tables;
using QeV.Worker.Import;

namespace QeV.Worker.Sources;

/// <summary>
/// The source sync for SQL Server, which has no staged path yet: every read entity's rows in memory, checked across
/// rows as the import checks them, then written to the store in one replacement.
/// </summary>
internal sealed class InMemorySourceSync(SourceCopy copy, IFactSource source)
{
    /// <summary>One entity's rows, parsed, duplicates reported and left out.</summary>
    public async Task<List<KeyValuePair<string, ImportRow>>> ReadRowsAsync(
        TableSpec spec, string name, SourceWindow window, List<SourceProblem> problems, CancellationToken ct)
    {
        var rows = new List<KeyValuePair<string, ImportRow>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        await foreach (var record in source.ReadAsync(spec.Table, window, ct))
        {
            if (first && SourceRowParser.MissingColumns(spec, record) is { Count: > 0 } missing)
            {
                throw new SourceMappingException(
                    $"der Abfrage fehlen die Spalten {string.Join(", ", missing)} (Sources:Queries:{spec.Table} muss die Spalten des Importformats liefern)");
            }

            first = false;
            if (SourceRowParser.Parse(spec, name, record, problems) is not { } row)
            {
                continue;
            }

            var key = row.Key(spec.KeyColumns);
            if (!seen.Add(key))
            {
                problems.Add(new SourceProblem(name, spec.Table, key.Replace('\u001f', '/'), spec.KeyColumns[0], "kommt doppelt vor; die erste Zeile gilt."));
                continue;
            }

            rows.Add(new(key, row));
        }

        return rows;
    }

    /// <summary>
    /// References and date order as the import checks them; a row that fails is left out, and so, in the next round,
    /// are rows that pointed at it.
    /// </summary>
    private Dictionary<string, IReadOnlyList<ImportRow>> ValidateAcross(
        List<ImportTable> tables, IReadOnlyDictionary<string, HashSet<string>> storeKeys, List<SourceProblem> problems)
    {
        for (var round = 0; round <= tables.Count; round++)
        {
            var errors = new List<ImportError>();
            ImportValidator.Validate(tables, storeKeys, errors);
            if (errors.Count == 0)
            {
                break;
            }

            var bad = errors.Select(e => (e.File, e.Line)).ToHashSet();
            foreach (var error in errors)
            {
                var table = tables.First(t => t.Spec.FileName == error.File);
                var row = table.Rows.First(r => r.Line == error.Line);
                problems.Add(new SourceProblem(source.SourceOf(table.Spec.Table), table.Spec.Table,
                    row.Key(table.Spec.KeyColumns).Replace('\u001f', '/'), error.Column, error.Reason));
            }

            tables = tables.Select(t => t with { Rows = t.Rows.Where(r => !bad.Contains((t.Spec.FileName, r.Line))).ToList() }).ToList();
        }

        return tables.ToDictionary(t => t.Spec.Table, t => t.Rows, StringComparer.Ordinal);
    }

    /// <summary>
    /// Every read entity's rows in memory, checked across rows, then written. A fully
    /// read entity is checked against the rows just read, the others against the store.
    /// </summary>
    public async Task WriteAsync(
        List<ImportTable> tables, HashSet<string> full, List<SourceProblem> problems,
        Dictionary<string, (int Read, int Valid)> counts, DateTimeOffset now, DateOnly asOf, bool check, CancellationToken ct)
    {
        var storeKeys = (await copy.KeysAsync(ct)).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        foreach (var table in full)
        {
            storeKeys.Remove(table);
        }

        var valid = ValidateAcross(tables, storeKeys, problems);
        foreach (var table in tables)
        {
            counts[table.Spec.Table] = (counts[table.Spec.Table].Read, valid[table.Spec.Table].Count);
        }

        if (!check)
        {
            await copy.ReplaceAsync(
                tables.Select(t => new SourceCopy.Replacement(t.Spec, source.SourceOf(t.Spec.Table), valid[t.Spec.Table], full.Contains(t.Spec.Table))).ToList(),
                now, asOf, ct);
        }
    }
}
