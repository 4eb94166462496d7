using System.Text.Json;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Support.ImportFiles;

namespace QeV.Worker.Tests.Profiles;

/// <summary>
/// The binary with a profile: `qev rules [--profile P]` lists the catalogue, a wrong value stops the start naming its
/// key, and `deadlines` applies the profile's numbers (the minimal import: first Hilfeplangespräch M-1 on Monday
/// 2025-01-20, plan sent 2025-02-03).
/// </summary>
public sealed class RulesProcessTests
{
    [Fact]
    public async Task Rules_DefaultProfile_ListsFullMagdeburgCatalogue()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await QevProcess.RunAsync(temp.Path, Profile("magdeburg"), "rules");

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdOut.ShouldContain("# Fristenkatalog – Profil „magdeburg“");
        result.StdOut.ShouldContain("Aktive Regeln: 17 von 19.");
        result.StdOut.ShouldContain("| F16 | monatliches Nachweisblatt");
    }

    [Fact]
    public async Task Rules_ProfileOption_ShowsThatProfilesValues()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await QevProcess.RunAsync(temp.Path, "rules", "--profile", "bad-duerkheim");

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdOut.ShouldContain("RP (Rheinland-Pfalz)");
        result.StdOut.ShouldContain("Gesprächstag + 6 Wochen");
        result.StdOut.ShouldNotContain("| F06 |");
    }

    [Fact]
    public async Task Rules_UnknownProfile_ExitTwoListsKnownProfiles()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await QevProcess.RunAsync(temp.Path, "rules", "--profile", "hamburg");

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("Rules:Profile: „hamburg“ ist kein bekanntes Profil (bekannt: magdeburg, magdeburg-2017, bad-duerkheim, nrw-qe-vereinbarung, magdeburg-kern).");
    }

    [Fact]
    public async Task Deadlines_InvalidParameter_ExitTwoNamesKey()
    {
        // Given
        using var temp = new TempFolder();
        var env = new Dictionary<string, string> { ["Rules__Profile"] = "magdeburg", ["Rules__F04__Parameters__Within"] = "6x" };

        // When
        var result = await QevProcess.RunAsync(temp.Path, env, "deadlines", "--as-of", "2026-06-01", "--db", temp.Combine("qev.db"));

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("Rules:F04:Parameters:Within: „6x“ ist keine Frist");
    }

    [Theory]
    // + 14 days: Monday 2025-02-03
    [InlineData("magdeburg", "2025-02-03")]
    // + six weeks: Monday 2025-03-03
    [InlineData("bad-duerkheim", "2025-03-03")]
    public async Task Deadlines_SameImportUnderTwoProfiles_HilfeplanDueAsEachTextSays(string profile, string expected)
    {
        // Given
        using var db = await TestDatabase.CreateEmptyAsync(TestEngine.Sqlite);
        var import = await QevProcess.RunAsync(db.Folder.Path, "import", db.Folder.WriteImportFolder(Minimal(), "gut"), "--db", db.ConnectionString);
        import.ExitCode.ShouldBe(0, import.ToString());

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, Profile(profile),
            "deadlines", "--format", "json", "--as-of", "2026-06-01", "--include-fulfilled", "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        var f04 = json.RootElement.EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "F04");
        f04.GetProperty("subjectId").GetString().ShouldBe("M-1");
        f04.GetProperty("dueDate").GetString().ShouldBe(expected);
        f04.GetProperty("status").GetString().ShouldBe("fulfilled");
    }

    private static Dictionary<string, string> Profile(string name) => new() { ["Rules__Profile"] = name };
}
