using QeV.Domain.Calendar;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;

namespace QeV.Worker.Tests.Profiles;

/// <summary>The issue: "`rules [--profile P]` lists the active catalogue in German, as in docs/rules.md, with the profile's values filled in."</summary>
public sealed class CatalogTableTests
{
    [Fact]
    public void Render_Magdeburg_ListsActiveRulesWithValues()
    {
        // Given
        var profile = ProfileConfig.Profile("magdeburg");

        // When
        var text = CatalogTable.Render(profile, RuleCatalog.All, Bundesland.ST);

        // Then
        text.ShouldContain("# Fristenkatalog – Profil „magdeburg“");
        text.ShouldContain("| Id | Pflicht | Fälligkeit | Stufen (Standard) | Empfänger | Quelle |");
        text.ShouldContain("| F01 | Entwicklungsbericht vor jeder Hilfeplanfortschreibung | je geplanter Hilfeplanfortschreibung: Termin − 14 Tage");
        text.ShouldContain("10 Werktage und 3 Werktage vorher; am Fälligkeitstag; 1 Werktag überfällig mit Eskalation; danach wöchentlich");
        text.ShouldContain("ST (Sachsen-Anhalt)");
    }

    [Fact]
    public void Render_OverriddenValue_ShowsTheOverride()
    {
        // Given
        var options = ProfileConfig.Bind(("F12:Parameters:Validity", "3y"), ("F12:Reminders:0", "60d"));

        // When
        var text = CatalogTable.Render(options.Profile, RuleCatalog.All, Bundesland.ST);

        // Then
        text.ShouldContain("letztes Ausstellungsdatum + 3 Jahre");
        text.ShouldContain("60 Tage vorher (die letzte mit der Eskalationsperson in Kopie)");
    }

    [Fact]
    public void Render_DisabledRule_NotInTableButNamedAsInactive()
    {
        // Given
        var options = ProfileConfig.Bind(("F09:Enabled", "false"));

        // When
        var text = CatalogTable.Render(options.Profile, RuleCatalog.All, Bundesland.ST);

        // Then
        text.ShouldNotContain("| F09 |");
        text.ShouldContain("Nicht aktiv in diesem Profil: F09");
    }
}
