using QeV.Domain.Tables;
using QeV.Worker.Import;

namespace QeV.Worker.Sources;

/// <summary>Turns source rows into import rows with the import's own cell parser; a bad row is reported and left out.</summary>
public static class SourceRowParser
{
    /// <summary>The contract's required columns that a result lacks (checked once, on its first row).</summary>
    public static IReadOnlyList<string> MissingColumns(TableSpec spec, SourceRecord record) =>
        spec.Columns.Where(c => c.Required && !record.Cells.ContainsKey(c.Name)).Select(c => c.Name).ToList();

    public static ImportRow? Parse(TableSpec spec, string source, SourceRecord record, List<SourceProblem> problems)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var ok = true;
        foreach (var column in spec.Columns)
        {
            var raw = record.Cells.GetValueOrDefault(column.Name);
            if (CellParser.TryParse(column, raw, out var value, out var error))
            {
                values[column.Name] = value;
            }
            else
            {
                problems.Add(new SourceProblem(source, spec.Table, KeyOf(spec, record), column.Name, error!));
                ok = false;
            }
        }

        return ok ? new ImportRow(record.Number, values) : null;
    }

    /// <summary>The row's key as the source wrote it (its key cells may be the bad ones), or its row number.</summary>
    public static string KeyOf(TableSpec spec, SourceRecord record)
    {
        var parts = spec.KeyColumns.Select(c => record.Cells.GetValueOrDefault(c)?.Trim() ?? "").ToList();
        return parts.All(p => p.Length == 0) ? $"Zeile {record.Number}" : string.Join('/', parts);
    }
}
