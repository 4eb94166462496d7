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

        var importedKinds = ImportedKinds(tables);
        foreach (var table in tables)
        {
            foreach (var row in table.Rows)
            {
                CheckReferences(importedKinds, table.Spec, row, existingKeys, importedKeys, errors);
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
        Dictionary<string, Dictionary<string, string?>> importedKinds,
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
            else if (column.ReferencesKind is { } kind && !HasKind(importedKinds, existing, column, id, kind))
            {
                errors.Add(WrongKind(spec, row.Line, column, id));
            }
        }
    }

    /// <summary>
    /// Whether the referenced row has the required kind: the imported row when this run imports it (it overwrites the
    /// stored one), else the stored one (<see cref="KindSet"/>). A caller without stored kinds (the sources' check: no
    /// <see cref="KindSet"/> entry) checks only imported rows.
    /// </summary>
    private static bool HasKind(
        Dictionary<string, Dictionary<string, string?>> importedKinds,
        IReadOnlyDictionary<string, HashSet<string>> existing,
        ColumnSpec column,
        string id,
        string kind) =>
        importedKinds.TryGetValue(column.References!, out var kinds) && kinds.TryGetValue(id, out var imported)
            ? imported == kind
            : !existing.TryGetValue(KindSet(column), out var ofKind) || ofKind.Contains(id);

    /// <summary>Per table referenced with a required kind: the kind of each imported row by key.</summary>
    private static Dictionary<string, Dictionary<string, string?>> ImportedKinds(IReadOnlyList<ImportTable> tables)
    {
        var referenced = tables.SelectMany(t => t.Spec.Columns).Where(c => c.ReferencesKind is not null).Select(c => c.References!).ToHashSet();
        var kinds = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => referenced.Contains(t.Spec.Table)))
        {
            var byId = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var row in table.Rows)
            {
                if (row.Text(table.Spec.KeyColumns[0]) is { } id)
                {
                    byId.TryAdd(id, row.Text("kind"));
                }
            }

            kinds[table.Spec.Table] = byId;
        }

        return kinds;
    }

    /// <summary>The name under which the existing keys hold the stored ids of <paramref name="column"/>'s required kind.</summary>
    public static string KindSet(ColumnSpec column) => $"{column.References}/kind={column.ReferencesKind}";

    public static ImportError WrongKind(TableSpec spec, int line, ColumnSpec column, string id) =>
        new(spec.FileName, line, column.Name,
            $"verweist auf „{id}“, das in {column.References}.csv nicht die Art (kind) „{column.ReferencesKind}“ hat.");

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
