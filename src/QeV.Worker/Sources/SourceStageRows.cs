using QeV.Domain.Tables;
using QeV.Worker.Import;

namespace QeV.Worker.Sources;

/// <summary>How one source record becomes a stage row of <see cref="StagedSourceSync"/>, or a reported problem whose key is kept.</summary>
internal static class SourceStageRows
{
    /// <summary>A parsed row for the stage (line first), or null when a cell or the date order is bad (reported, key kept).</summary>
    public static object?[]? Row(
        TableSpec spec, string sourceName, SourceRecord record, int line, List<(string From, string Until)> orders,
        List<SourceProblem> problems, List<object?[]> kept)
    {
        var parsed = SourceRowParser.Parse(spec, sourceName, record, problems);
        if (parsed is null)
        {
            // The key may still be readable: then the row's last good version stays.
            var keys = new object?[spec.KeyColumns.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                var column = spec.Columns.First(c => c.Name == spec.KeyColumns[i]);
                if (!CellParser.TryParse(column, record.Cells.GetValueOrDefault(column.Name), out var value, out _) || value is null)
                {
                    return null;
                }

                keys[i] = value;
            }

            kept.Add(keys);
            return null;
        }

        foreach (var (from, until) in orders)
        {
            if (ImportValidator.OrderError(spec, line, from, parsed.Date(from), until, parsed.Date(until)) is { } error)
            {
                problems.Add(new SourceProblem(sourceName, spec.Table, parsed.Key(spec.KeyColumns).Replace('\u001f', '/'), error.Column, error.Reason));
                kept.Add(spec.KeyColumns.Select(k => parsed.Values.GetValueOrDefault(k)).ToArray());
                return null;
            }
        }

        var staged = new object?[spec.Columns.Count + 1];
        staged[0] = line;
        var index = 1;
        foreach (var column in spec.Columns)
        {
            staged[index++] = parsed.Values.GetValueOrDefault(column.Name);
        }

        return staged;
    }

    /// <summary>The dialect placeholder of a key column's type in a temporary table's DDL.</summary>
    public static string Placeholder(TableSpec spec, string column) => spec.Columns.First(c => c.Name == column).Kind switch
    {
        ColumnKind.Date => "{date}",
        ColumnKind.Bool => "{bool}",
        ColumnKind.Number => "{int}",
        _ => "{text}",
    };

}
