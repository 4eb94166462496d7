using QeV.Domain.Tables;

namespace QeV.Worker.Import;

/// <summary>Checks across rows and files: duplicate ids in one run, references, date order.</summary>
public static class ImportValidator
{
    public static void Validate(
        IReadOnlyList<ImportTable> tables,
        IReadOnlyDictionary<string, HashSet<string>> existingKeys,
        List<ImportError> errors)
    {
        var importedKeys = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            importedKeys[table.Spec.Table] = CheckDuplicates(table, errors);
        }

        foreach (var table in tables)
        {
            foreach (var row in table.Rows)
            {
                CheckReferences(table.Spec, row, existingKeys, importedKeys, errors);
                CheckOrder(table.Spec, row, "absent_from", "absent_until", errors);
                CheckOrder(table.Spec, row, "start_date", "end_date", errors);
            }
        }
    }

    private static HashSet<string> CheckDuplicates(ImportTable table, List<ImportError> errors)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var key = row.Key(table.Spec.KeyColumns);
            if (seen.TryGetValue(key, out var firstLine))
            {
                errors.Add(Duplicate(table.Spec, row.Line, key, firstLine));
            }
            else
            {
                seen[key] = row.Line;
            }
        }

        return seen.Keys.ToHashSet(StringComparer.Ordinal);
    }

    private static void CheckReferences(
        TableSpec spec,
        ImportRow row,
        IReadOnlyDictionary<string, HashSet<string>> existing,
        Dictionary<string, HashSet<string>> imported,
        List<ImportError> errors)
    {
        foreach (var column in spec.Columns.Where(c => c.References is not null))
        {
            if (row.Text(column.Name) is not { } id)
            {
                continue;
            }

            var target = column.References!;
            var known = (existing.TryGetValue(target, out var inDb) && inDb.Contains(id))
                || (imported.TryGetValue(target, out var inRun) && inRun.Contains(id));
            if (!known)
            {
                errors.Add(UnknownReference(spec, row.Line, column, id));
            }
        }
    }

    private static void CheckOrder(TableSpec spec, ImportRow row, string fromColumn, string untilColumn, List<ImportError> errors)
    {
        if (OrderError(spec, row.Line, fromColumn, row.Date(fromColumn), untilColumn, row.Date(untilColumn)) is { } error)
        {
            errors.Add(error);
        }
    }

    /// <summary>The columns whose dates must not run backwards (from, until), where a table has them.</summary>
    public static IReadOnlyList<(string From, string Until)> OrderedColumns { get; } = [("absent_from", "absent_until"), ("start_date", "end_date")];

    /// <summary>A key of <paramref name="spec"/> seen a second time; <paramref name="key"/> joins the key parts with U+001F.</summary>
    public static ImportError Duplicate(TableSpec spec, int line, string key, int firstLine) =>
        new(spec.FileName, line, spec.KeyColumns[0], $"„{key.Replace('\u001f', '/')}“ kommt doppelt vor (zuerst in Zeile {firstLine}).");

    public static ImportError UnknownReference(TableSpec spec, int line, ColumnSpec column, string id) =>
        new(spec.FileName, line, column.Name, $"verweist auf „{id}“, das weder in der Datenbank noch in {column.References}.csv existiert.");

    public static ImportError? OrderError(TableSpec spec, int line, string fromColumn, DateOnly? from, string untilColumn, DateOnly? until) =>
        from is { } f && until is { } u && u < f
            ? new ImportError(spec.FileName, line, untilColumn, $"liegt vor {fromColumn} ({u:dd.MM.yyyy} < {f:dd.MM.yyyy}).")
            : null;
}
