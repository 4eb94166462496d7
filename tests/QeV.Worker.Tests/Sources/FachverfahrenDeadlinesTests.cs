using System.Text.Json;
using QeV.Demo;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Sources;

/// <summary>
/// The demo data once as CSV import, once in a Fachverfahren's own schema read through the mapping views of
/// docs/sources.md: the deadlines report is the same, row for row, from the real binary.
/// </summary>
public sealed class FachverfahrenDeadlinesTests
{
    private static readonly DateOnly SeedDay = new(2026, 11, 23);

    [Theory]
    [InlineData("2026-11-23")]
    [InlineData("2027-06-30")]
    public async Task Deadlines_FachverfahrenMappedByViews_EqualTheCsvImportRowForRow(string asOf)
    {
        // Given: the same facts as import files in one store, and in the Fachverfahren beside an empty store that scans it
        var tables = DemoDataGenerator.Generate(78, SeedDay);
        using var imported = await TestDatabase.CreateAsync();
        await imported.ImportAsync(tables.ToDictionary(t => t.Spec.FileName, CsvExport.Render));
        using var fachverfahren = await Fachverfahren.CreateAsync(tables);
        using var mapped = await TestDatabase.CreateAsync();
        var env = fachverfahren.Settings();
        env["Rules__Profile"] = "magdeburg";

        // When
        string[] args = ["deadlines", "--as-of", asOf, "--format", "json", "--include-fulfilled", "--horizon-days", "400"];
        var fromCsv = await QevProcess.RunAsync(imported.Folder.Path, new Dictionary<string, string> { ["Rules__Profile"] = "magdeburg" },
            [.. args, "--db", imported.ConnectionString]);
        var fromSource = await QevProcess.RunAsync(mapped.Folder.Path, env, [.. args, "--db", mapped.ConnectionString]);

        // Then
        fromCsv.ExitCode.ShouldBe(0, fromCsv.ToString());
        fromSource.ExitCode.ShouldBe(0, fromSource.ToString());
        var csvRows = Rows(fromCsv.StdOut);
        var sourceRows = Rows(fromSource.StdOut);
        csvRows.Count.ShouldBeGreaterThan(50);
        for (var i = 0; i < Math.Min(csvRows.Count, sourceRows.Count); i++)
        {
            sourceRows[i].ShouldBe(csvRows[i], $"row {i + 1}");
        }

        sourceRows.Count.ShouldBe(csvRows.Count);
        var copied = await mapped.CountRowsAsync();
        copied["cases"].ShouldBe(await fachverfahren.CountAsync("fv.hilfe"), "the store keeps the last good read of the source");
        copied["meetings"].ShouldBe(await fachverfahren.CountAsync("fv.hilfeplangespraech"));
    }

    private static List<string> Rows(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
    }
}
