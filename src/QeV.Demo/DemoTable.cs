using QeV.Domain.Tables;

namespace QeV.Demo;

/// <summary>
/// The rows of one import table under construction. Every row holds every column of the spec, typed exactly as
/// the import's <c>CellParser</c> returns it; a column that is not set holds the value of an empty cell (its default).
/// </summary>
internal sealed class DemoTable(TableSpec spec)
{
    private readonly List<ImportRow> _rows = [];

    public void Add(params (string Column, object? Value)[] cells)
    {
        var values = new Dictionary<string, object?>(spec.Columns.Count, StringComparer.Ordinal);
        foreach (var column in spec.Columns)
        {
            values[column.Name] = column.DefaultValue;
        }

        foreach (var (column, value) in cells)
        {
            if (!values.ContainsKey(column))
            {
                throw new InvalidOperationException($"{spec.FileName} hat keine Spalte {column}.");
            }

            values[column] = value;
        }

        // The header is line 1, so the n-th data row stands on line n + 1, as the CSV reader counts.
        _rows.Add(new ImportRow(_rows.Count + 2, values));
    }

    public ImportTable ToImportTable() => new(spec, FilePresent: true, _rows);
}
