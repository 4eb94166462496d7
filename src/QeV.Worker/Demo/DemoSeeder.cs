using QeV.Demo;
using QeV.Worker.Import;
using QeV.Worker.Office;
using QeV.Worker.Store;

namespace QeV.Worker.Demo;

/// <summary>Writes the demo data set through the same upsert path as the import, or as import files.</summary>
public sealed class DemoSeeder(ImportWriter writer, OfficeClock clock, Database database)
{
    public async Task<ImportSummary> SeedAsync(int seed, int caseCount, CancellationToken ct)
    {
        var tables = DemoDataGenerator.Generate(seed, clock.Today, caseCount);
        var existing = await writer.LoadKeysAsync(ct);
        return await writer.WriteAsync(tables, existing, null, ct);
    }

    /// <summary>True when the database holds no cases yet (run --demo seeds only then).</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var count = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            new Dapper.CommandDefinition("SELECT COUNT(*) FROM cases", cancellationToken: ct));
        return count == 0;
    }

    public async Task WriteCsvAsync(string folder, int seed, int caseCount, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        foreach (var table in DemoDataGenerator.Generate(seed, clock.Today, caseCount))
        {
            await File.WriteAllTextAsync(Path.Combine(folder, table.Spec.FileName), CsvExport.Render(table), ct);
        }
    }
}
