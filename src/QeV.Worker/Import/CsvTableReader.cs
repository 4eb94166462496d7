using System.Text;
using CsvHelper;
using QeV.Domain.Tables;

namespace QeV.Worker.Import;

/// <summary>
/// Reads one import file: UTF-8 with or without BOM, comma or semicolon (German spreadsheet exports), RFC 4180
/// quoting. Collects every problem with its line and column instead of stopping at the first.
/// </summary>
public static class CsvTableReader
{
    public static ImportTable Read(TableSpec spec, string folder, List<ImportError> errors)
    {
        var path = Path.Combine(folder, spec.FileName);
        if (!File.Exists(path))
        {
            return new ImportTable(spec, false, []);
        }

        if (FindInvalidUtf8Line(path) is { } badLine)
        {
            errors.Add(new ImportError(spec.FileName, badLine, null, "Datei ist nicht UTF-8-kodiert (bitte als „CSV UTF-8“ speichern)."));
            return new ImportTable(spec, true, []);
        }

        var rows = new List<ImportRow>();
        ReadRows(spec, path, rows, errors);
        return new ImportTable(spec, true, rows);
    }

    private static void ReadRows(TableSpec spec, string path, List<ImportRow> rows, List<ImportError> errors)
    {
        var file = spec.FileName;
        var options = new CsvReaderOptions
        {
            Separator = DetectSeparator(path),
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = bad => errors.Add(new ImportError(file, (int)bad.LineNumber, null,
                "fehlerhafte Anführungszeichen (ein Feld mit Trennzeichen oder \" muss ganz in \"…\" stehen, \" darin verdoppelt).")),
        };

        using var reader = CsvReader.FromFile(path, options);
        reader.ReadHeader();
        if (reader.Headers.Count == 0)
        {
            return;
        }

        var header = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var missing = spec.Columns.Where(c => c.Required && !header.Contains(c.Name)).ToList();
        foreach (var column in missing)
        {
            errors.Add(new ImportError(file, 1, column.Name, "Pflichtspalte fehlt in der Kopfzeile."));
        }

        if (missing.Count > 0)
        {
            return;
        }

        var index = spec.Columns.ToDictionary(c => c.Name, c => Array.IndexOf(header, c.Name));
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            if (reader.FieldCount != header.Length)
            {
                errors.Add(new ImportError(file, line, null, $"Zeile hat {reader.FieldCount} Felder, die Kopfzeile {header.Length}."));
                continue;
            }

            rows.Add(ParseRow(spec, file, line, index, i => reader.GetString(i), errors));
        }
    }

    private static ImportRow ParseRow(
        TableSpec spec, string file, int line, Dictionary<string, int> index, Func<int, string> field, List<ImportError> errors)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var column in spec.Columns)
        {
            var raw = index[column.Name] >= 0 ? field(index[column.Name]) : null;
            if (CellParser.TryParse(column, raw, out var value, out var error))
            {
                values[column.Name] = value;
            }
            else
            {
                errors.Add(new ImportError(file, line, column.Name, error!));
            }
        }

        return new ImportRow(line, values);
    }

    /// <summary>Semicolon when the header line has more semicolons than commas (Excel with German locale).</summary>
    private static char DetectSeparator(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine() ?? "";
        return header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
    }

    /// <summary>The 1-based line of the first byte sequence that is not UTF-8, or null when the file is clean.</summary>
    private static int? FindInvalidUtf8Line(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes.AsSpan(offset), new char[4096], out var read, out _, replaceInvalidSequences: false);
            if (status is System.Buffers.OperationStatus.InvalidData or System.Buffers.OperationStatus.NeedMoreData)
            {
                return 1 + bytes.AsSpan(0, offset + read).Count((byte)'\n');
            }

            if (read == 0)
            {
                break;
            }

            offset += read;
        }

        return null;
    }
}
