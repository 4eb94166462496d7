using QeV.Domain.Calendar;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// docs/rules.md shows, under "Ausgabe von `qev rules --profile P`", what the IT staff will see for each built-in
/// profile: every active rule's obligation, due-date wording, stages, recipients and source, in German. The catalogue
/// as <see cref="CatalogTable"/> renders it must be that text, line for line, so the documentation cannot drift from
/// the product and no wording of a rule changes unnoticed.
/// </summary>
public sealed class CatalogDocTests
{
    private static readonly string[] Doc = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "rules.md"));

    [Theory]
    [InlineData("magdeburg", Bundesland.ST)]
    [InlineData("bad-duerkheim", Bundesland.RP)]
    [InlineData("nrw-qe-vereinbarung", Bundesland.NW)]
    public void Render_BuiltInProfile_IsTheOutputShownInTheDocs(string name, Bundesland state)
    {
        // Given: the profile as shipped, and the block docs/rules.md gives as its output
        var profile = BuiltInProfiles.Create(name).ShouldNotBeNull();
        var documented = DocumentedOutput(name);

        // When
        var rendered = Lines(CatalogTable.Render(profile, RuleCatalog.All, state));

        // Then: the rendered catalogue without its title line is the documented block, line for line
        rendered[0].ShouldBe($"# Fristenkatalog – Profil „{name}“");
        rendered.Skip(2).ToList().ShouldBe(documented);
    }

    [Fact]
    public void Render_Magdeburg2017_DiffersFromMagdeburgOnlyInTheF07RowShownInTheDocs()
    {
        // Given: the two profiles' tables and the one row docs/rules.md shows for magdeburg-2017
        var current = Rows(CatalogTable.Render(BuiltInProfiles.Create("magdeburg")!, RuleCatalog.All, Bundesland.ST));
        var earlier = Rows(CatalogTable.Render(BuiltInProfiles.Create("magdeburg-2017")!, RuleCatalog.All, Bundesland.ST));
        var heading = Array.IndexOf(Doc, "## Profil „magdeburg-2017“");
        var documented = Doc.Skip(heading).First(l => l.StartsWith("| F07 |", StringComparison.Ordinal));

        // When
        var different = earlier.Where((row, i) => row != current[i]).ToList();

        // Then: 17 rows each, one of them different, and that one as documented
        current.Count.ShouldBe(17);
        earlier.Count.ShouldBe(17);
        different.ShouldBe([documented]);
    }

    [Fact]
    public void Needs_EveryRule_IsWhatTheDocsNameUnderRegelnOhneDaten()
    {
        // Given: the table of docs/rules.md "Regeln ohne Daten" (rule → what it needs) and a database with no facts
        var heading = Array.IndexOf(Doc, "## Regeln ohne Daten");
        var documented = Doc.Skip(heading)
            .Where(l => l.StartsWith("| F", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1], cells => cells[2]);
        var empty = new FactsBuilder().Build();

        // When: what each rule of the catalogue says it needs, and whether it judges the empty database
        var needs = RuleCatalog.All.ToDictionary(r => r.Id, r => RuleData.Needs(r.Id));
        var silent = RuleCatalog.All.Where(r => !RuleData.IsPresent(r.Id, empty)).Select(r => r.Id).ToList();

        // Then: the seven documented rules need exactly what the docs say and stay silent on the empty database;
        // the other twelve need nothing and always judge
        documented.Count.ShouldBe(7);
        needs.Where(n => n.Value.Length > 0).ToDictionary().ShouldBe(documented, ignoreOrder: true);
        silent.ShouldBe(["F04", "F05", "F08", "F13", "F14", "F15", "F16"]);
        needs.Count(n => n.Value.Length == 0).ShouldBe(12);
    }

    /// <summary>The lines after "Ausgabe von `qev rules --profile P`:" and its blank line, up to the next heading.</summary>
    private static List<string> DocumentedOutput(string profile)
    {
        var start = Array.IndexOf(Doc, $"Ausgabe von `qev rules --profile {profile}`:");
        start.ShouldBeGreaterThan(0, $"docs/rules.md shows no output for {profile}");
        var block = Doc.Skip(start + 2).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        while (block.Count > 0 && block[^1].Length == 0)
        {
            block.RemoveAt(block.Count - 1);
        }

        return block;
    }

    private static List<string> Lines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static List<string> Rows(string text) =>
        [.. Lines(text).Where(l => l.StartsWith("| F", StringComparison.Ordinal))];
}
