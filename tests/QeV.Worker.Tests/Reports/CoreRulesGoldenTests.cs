using System.Text;
using System.Text.Json;
using QeV.Demo;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Reports;

/// <summary>
/// The five core rules (F01, F06, F07, F09, F12) match an independent reference; the rest of the catalogue may change
/// around them, their rows may not. The golden files were written by the code before the catalogue work of issue 10
/// (set QEV_UPDATE_GOLDEN=1 to write them anew, only on purpose) and hold each core row's JSON exactly as printed.
/// </summary>
public sealed class CoreRulesGoldenTests
{
    private static readonly string[] CoreRules = ["F01", "F06", "F07", "F09", "F12"];

    // The demo data set's "today", as in DeadlinesParityTests.
    private static readonly DateOnly SeedDay = new(2026, 11, 23);

    private static string GoldenPath(string asOf) =>
        Path.Combine(AppContext.BaseDirectory, "Reports", "Golden", $"core-rules-{asOf}.json");

    private static string SourceGoldenPath(string asOf, [System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Golden", $"core-rules-{asOf}.json");

    /// <summary>The core rules' elements of the report, each as its raw JSON text, in the report's order.</summary>
    private static string CoreRows(string report)
    {
        using var json = JsonDocument.Parse(report);
        var rows = json.RootElement.EnumerateArray()
            .Where(r => CoreRules.Contains(r.GetProperty("rule").GetString()))
            .Select(r => r.GetRawText());
        return string.Join(",\n", rows) + "\n";
    }

    [Theory]
    [InlineData("2026-11-23", "--include-fulfilled")]
    [InlineData("2026-12-25", "--include-fulfilled")]
    [InlineData("2027-01-11", "--include-fulfilled")]
    [InlineData("2027-06-30", "--include-fulfilled")]
    [InlineData("2027-06-30", "--horizon-days=90")]
    public async Task Deadlines_DemoData_CoreRulesUnchanged(string asOf, string option)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        await db.WriteAsync(DemoDataGenerator.Generate(78, SeedDay));

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path,
            ["deadlines", "--as-of", asOf, "--format", "json", option, "--db", db.ConnectionString]);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        var core = CoreRows(result.StdOut);
        var name = $"{asOf}{(option.StartsWith("--horizon", StringComparison.Ordinal) ? "-open" : "")}";
        if (Environment.GetEnvironmentVariable("QEV_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(SourceGoldenPath(name), core, new UTF8Encoding(false));
            return;
        }

        var golden = await File.ReadAllTextAsync(GoldenPath(name));
        golden.Length.ShouldBeGreaterThan(1000, "golden file of real rows");
        var g = golden.Split('\n');
        var c = core.Split('\n');
        var first = Enumerable.Range(0, Math.Min(g.Length, c.Length)).FirstOrDefault(i => g[i] != c[i], -1);
        first.ShouldBe(-1, first < 0 ? "" : $"line {first + 1}: golden «{g[first]}», now «{c[first]}»");
        core.ShouldBe(golden);
    }
}
