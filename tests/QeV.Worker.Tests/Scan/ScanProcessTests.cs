using System.Text.Json;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Scan;

/// <summary>The smoke size of the benchmarks (CI runs only this): `qev generate` then `qev scan`, from the real binary.</summary>
public sealed class ScanProcessTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task GenerateThenScanTwice_SmallData_SecondScanEvaluatesNothingThirdOnlyTheChangedCaseAndReportReadsTheTable(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var generated = await QevProcess.RunAsync(db.Folder.Path, "generate", "--cases", "200", "--seed", "3", "--db", db.ConnectionString);
        generated.ExitCode.ShouldBe(0, generated.ToString());
        generated.StdOut.ShouldContain("200 Fälle");
        generated.StdErr.ShouldContain("100 %");

        // When
        var first = await QevProcess.RunAsync(db.Folder.Path, "scan", "--as-of", "2026-11-23", "--db", db.ConnectionString);
        var second = await QevProcess.RunAsync(db.Folder.Path, "scan", "--as-of", "2026-11-23", "--db", db.ConnectionString);
        await db.ExecuteAsync("UPDATE appointments SET outcome = 'no_show' WHERE case_id = (SELECT MIN(case_id) FROM appointments)");
        var third = await QevProcess.RunAsync(db.Folder.Path, "scan", "--as-of", "2026-11-23", "--db", db.ConnectionString);
        var report = await QevProcess.RunAsync(db.Folder.Path, "deadlines", "--as-of", "2026-11-23", "--format", "json", "--db", db.ConnectionString);

        // Then
        first.ExitCode.ShouldBe(0, first.ToString());
        first.StdOut.ShouldStartWith("Scan 23.11.2026: vollständig");
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices")).ShouldBeGreaterThan(0);
        second.ExitCode.ShouldBe(0, second.ToString());
        second.StdOut.ShouldContain("inkrementell, nichts geändert seit dem letzten Scan (keine Fakten gelesen)");
        second.StdOut.ShouldContain(" 0 neu ausgewertet, 0 nur tagesabhängig");
        second.StdOut.ShouldContain(" 0 Nachrichten neu");
        third.ExitCode.ShouldBe(0, third.ToString());
        third.StdOut.ShouldContain("inkrementell, nur geänderte Partitionen gelesen, 1 Partitionen, 1 neu ausgewertet");
        report.ExitCode.ShouldBe(0, report.ToString());
        using var json = JsonDocument.Parse(report.StdOut);
        json.RootElement.GetArrayLength().ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Generate_WithoutCases_ExitsTwoWithoutTouchingTheDatabase()
    {
        using var folder = new TempFolder();

        var result = await QevProcess.RunAsync(folder.Path, "generate", "--db", folder.Combine("x.db"));

        result.ExitCode.ShouldBe(2, result.ToString());
        File.Exists(folder.Combine("x.db")).ShouldBeFalse();
    }
}
