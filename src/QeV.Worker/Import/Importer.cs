using QeV.Domain.Tables;
using QeV.Worker.Store;

namespace QeV.Worker.Import;

/// <summary>`qev import &lt;folder&gt;`: read every file, check everything, then write all or nothing.</summary>
public sealed class Importer(ImportWriter writer)
{
    public async Task<ImportSummary> ImportAsync(string folder, IProgress<string>? progress, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            throw new ImportFailedException([new ImportError(folder, 0, null, "Ordner nicht gefunden.")]);
        }

        if (!ImportCatalog.Tables.Any(t => File.Exists(Path.Combine(folder, t.FileName))))
        {
            throw new ImportFailedException([new ImportError(folder, 0, null,
                $"keine Importdatei gefunden (erwartet z. B. {ImportCatalog.Tables[0].FileName}).")]);
        }

        if (writer.Database.Dialect is not SqlServerDialect)
        {
            return await new StagedImport(writer.Database).RunAsync(folder, progress, ct);
        }

        // SQL Server has no bulk path here yet: the whole import is read into memory and checked there.
        var errors = new List<ImportError>();
        var tables = new List<ImportTable>();
        foreach (var spec in ImportCatalog.Tables)
        {
            var table = CsvTableReader.Read(spec, folder, errors);
            tables.Add(table);
            if (table.FilePresent && table.Rows.Count >= 100_000)
            {
                progress?.Report($"{spec.FileName}: {table.Rows.Count} Zeilen gelesen");
            }
        }

        var existing = await writer.LoadKeysAsync(ct);
        ImportValidator.Validate(tables, existing, errors);
        if (errors.Count > 0)
        {
            throw new ImportFailedException(errors.OrderBy(e => ImportOrder(e.File)).ThenBy(e => e.Line).ToList());
        }

        return await writer.WriteAsync(tables, existing, progress, ct);
    }

    private static int ImportOrder(string file) =>
        ImportCatalog.Tables.Select((t, i) => (t, i)).FirstOrDefault(x => x.t.FileName == file).i;
}
