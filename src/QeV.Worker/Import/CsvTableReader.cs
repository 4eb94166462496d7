using System.Text;
using CsvHelper;
using QeV.Domain.Tables;

namespace QeV.Worker.Import;

/// <summary>
/// Reads one import file: UTF-8 with or without BOM, comma or semicolon (German spreadsheet exports), RFC 4180
/// quoting. Collects every problem with its line and column instead of stopping at the first. <see cref="Stream"/>
/// hands out one row at a time, so a file of millions of rows never sits in memory.
/// </summary>
public static class CsvTableReader
{
    /// <summary>The whole file as one table (the in-memory path: SQL Server and small sources).</summary>
    public static ImportTable Read(TableSpec spec, string folder, List<ImportError> errors)
    {
        var path = Path.Combine(folder, spec.FileName);
        if (!File.Exists(path))
        {
            return new ImportTable(spec, false, []);
        }

        var rows = new List<ImportRow>();
        foreach (var row in Stream(spec, path, errors))
        {
            rows.Add(new ImportRow(row.Line, ToValues(spec, row.Values)));
        }

        return new ImportTable(spec, true, rows);
    }

    /// <summary>
    /// The rows of an existing file, values in the order of <see cref="TableSpec.Columns"/> (null where a cell did not
    /// parse; its error is in <paramref name="errors"/>). A file that is not UTF-8 or lacks a required column yields no rows.
    /// </summary>
    public static IEnumerable<StreamedRow> Stream(TableSpec spec, string path, List<ImportError> errors)
    {
        if (FindInvalidUtf8Line(path) is { } badLine)
        {
            errors.Add(new ImportError(spec.FileName, badLine, null, "Datei ist nicht UTF-8-kodiert (bitte als „CSV UTF-8“ speichern)."));
            return [];
        }

        return ReadRows(spec, path, errors);
    }

    private static Dictionary<string, object?> ToValues(TableSpec spec, object?[] values)
    {
        var result = new Dictionary<string, object?>(spec.Columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            result[spec.Columns[i].Name] = values[i];
        }

        return result;
    }

    private static IEnumerable<StreamedRow> ReadRows(TableSpec spec, string path, List<ImportError> errors)
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
            yield break;
        }

        var header = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        var missing = spec.Columns.Where(c => c.Required && !header.Contains(c.Name)).ToList();
        foreach (var column in missing)
        {
            errors.Add(new ImportError(file, 1, column.Name, "Pflichtspalte fehlt in der Kopfzeile."));
        }

        if (missing.Count > 0)
        {
            yield break;
        }

        var index = spec.Columns.Select(c => Array.IndexOf(header, c.Name)).ToArray();
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            if (reader.FieldCount != header.Length)
            {
                errors.Add(new ImportError(file, line, null, $"Zeile hat {reader.FieldCount} Felder, die Kopfzeile {header.Length}."));
                continue;
            }

            var values = new object?[spec.Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                var column = spec.Columns[i];
                var raw = index[i] >= 0 ? reader.GetString(index[i]) : null;
                if (CellParser.TryParse(column, raw, out var value, out var error))
                {
                    values[i] = value;
                }
                else
                {
                    errors.Add(new ImportError(file, line, column.Name, error!));
                }
            }

            yield return new StreamedRow(line, values);
        }
    }

    /// <summary>Semicolon when the header line has more semicolons than commas (Excel with German locale).</summary>
    private static char DetectSeparator(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine() ?? "";
        return header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
    }

    /// <summary>
    /// The 1-based line of the first byte sequence that is not UTF-8, or null when the file is clean. Reads the file in
    /// blocks; a sequence cut by a block boundary is carried into the next block.
    /// </summary>
    private static int? FindInvalidUtf8Line(string path)
    {
        const int BlockSize = 1 << 20;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[BlockSize + 4];
        var chars = new char[BlockSize + 4];
        var carried = 0;
        var lines = 1;
        while (true)
        {
            var read = stream.Read(buffer, carried, BlockSize);
            var length = carried + read;
            var final = read == 0;
            var status = System.Text.Unicode.Utf8.ToUtf16(
                buffer.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
            lines += buffer.AsSpan(0, consumed).Count((byte)'\n');
            if (status == System.Buffers.OperationStatus.InvalidData || (final && status != System.Buffers.OperationStatus.Done))
            {
                return lines;
            }

            if (final)
            {
                return null;
            }

            carried = length - consumed;
            buffer.AsSpan(consumed, carried).CopyTo(buffer);
        }
    }
}
