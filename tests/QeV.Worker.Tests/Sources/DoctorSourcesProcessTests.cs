using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Sources;

/// <summary>`qev doctor` checks the mapped sources of the case database (issue 12 point 4, issue 11 point 6).</summary>
public sealed class DoctorSourcesProcessTests
{
    private static async Task<(Fachverfahren Fachverfahren, TestDatabase Store)> MappedAsync()
    {
        var fachverfahren = await Fachverfahren.DemoAsync(10);
        return (fachverfahren, await TestDatabase.CreateAsync());
    }

    [Fact]
    public async Task Doctor_EveryMappingReadable_SourcesLineOk()
    {
        // Given
        var (fachverfahren, store) = await MappedAsync();
        using var _ = fachverfahren;
        using var __ = store;

        // When
        var result = await QevProcess.RunAsync(store.Folder.Path, fachverfahren.Settings(), "doctor", "--db", store.ConnectionString);

        // Then
        var line = result.StdOut.Split('\n').Single(l => l.Contains("Quellen:", StringComparison.Ordinal));
        line.ShouldStartWith("[ OK ]", customMessage: result.ToString());
        result.StdOut.ShouldContain($"{await fachverfahren.CountAsync("fv.hilfe")} Zeilen gelesen");
    }

    [Fact]
    public async Task Doctor_OneBadSourceRow_SourcesLineFailsWithTheErrorAndFixExitOne()
    {
        // Given
        var (fachverfahren, store) = await MappedAsync();
        using var _ = fachverfahren;
        using var __ = store;
        await fachverfahren.UnknownOutcomeAsync();

        // When
        var result = await QevProcess.RunAsync(store.Folder.Path, fachverfahren.Settings(), "doctor", "--db", store.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(1, result.ToString());
        var line = result.StdOut.Split('\n').Single(l => l.Contains("Quellen:", StringComparison.Ordinal));
        line.ShouldStartWith("[FEHLER]");
        result.StdOut.ShouldContain("Spalte outcome: Pflichtfeld ist leer.");
        result.StdOut.ShouldContain("Behebung: `qev sources check`");
    }
}
