using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Sources;

/// <summary>`qev sources check` and the start-up check of the Sources settings, from the real binary.</summary>
public sealed class SourcesCheckProcessTests
{
    [Fact]
    public async Task SourcesCheck_OneBadRow_PrintsCountsAndTheErrorAndExits1()
    {
        // Given
        using var fachverfahren = await Fachverfahren.WithUnknownOutcomeAsync();
        using var store = await TestDatabase.CreateAsync();

        // When
        var result = await QevProcess.RunAsync(store.Folder.Path, fachverfahren.Settings(), "sources", "check", "--as-of", "2026-11-23", "--db", store.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdOut.ShouldContain($"cases");
        result.StdOut.ShouldContain($"{await fachverfahren.CountAsync("fv.hilfe")} Zeilen gelesen");
        result.StdOut.ShouldContain("Quelle fachverfahren, appointments");
        result.StdOut.ShouldContain("Spalte outcome: Pflichtfeld ist leer.");
    }

    [Fact]
    public async Task Deadlines_UnknownSourceProvider_RefusedAtStartNamingTheKey()
    {
        // Given
        using var store = await TestDatabase.CreateAsync();
        var env = new Dictionary<string, string>
        {
            ["Sources__Connections__fv__Provider"] = "oracle",
            ["Sources__Connections__fv__ConnectionString"] = "Data Source=x",
        };

        // When
        var result = await QevProcess.RunAsync(store.Folder.Path, env, "deadlines", "--db", store.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErrLines.ShouldHaveSingleItem().ShouldContain("Sources:Connections:fv:Provider: „oracle“ ist unbekannt");
    }
}
