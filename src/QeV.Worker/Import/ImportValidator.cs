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
                errors.Add(new ImportError(table.Spec.FileName, row.Line, table.Spec.KeyColumns[0],
                    $"„{key.Replace('\u001f', '/')}“ kommt doppelt vor (zuerst in Zeile {firstLine})."));
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
                errors.Add(new ImportError(spec.FileName, row.Line, column.Name,
                    $"verweist auf „{id}“, das weder in der Datenbank noch in {target}.csv existiert."));
            }
        }
    }

    private static void CheckOrder(TableSpec spec, ImportRow row, string fromColumn, string untilColumn, List<ImportError> errors)
    {
        if (row.Date(fromColumn) is { } from && row.Date(untilColumn) is { } until && until < from)
        {
            errors.Add(new ImportError(spec.FileName, row.Line, untilColumn,
                $"liegt vor {fromColumn} ({until:dd.MM.yyyy} < {from:dd.MM.yyyy})."));
        }
    }
}
