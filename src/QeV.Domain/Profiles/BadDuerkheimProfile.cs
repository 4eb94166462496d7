namespace QeV.Domain.Profiles;

/// <summary>
/// Profile „bad-duerkheim“ (seed 002): how the Kreisjugendamt Bad Dürkheim (Rheinland-Pfalz) does quality
/// development. Only what that text demands is active: the Zielüberprüfung before each Fortschreibung (the shape of
/// F01), the next HPG after six months, the Hilfeplan within six weeks, the Clearing of three months.
/// </summary>
internal static class BadDuerkheimProfile
{
    public const string Name = "bad-duerkheim";

    private const string Text = "Kreisjugendamt Bad Dürkheim, Qualitätsentwicklung";

    public static RuleProfile Create()
    {
        var profile = MagdeburgProfile.Create().Derive(Name,
            "Qualitätsentwicklung im Kreisjugendamt Bad Dürkheim (Hilfeplanung, Berichtswesen, Clearing)",
            Text + " (Kap. 1 Hilfeplanung, Kap. 2 Leistungs-, Entgelt- und Qualitätsentwicklungsvereinbarungen)");
        profile.DefaultState = "RP";

        var f01 = profile.Rules["F01"];
        f01.Name = "Zielüberprüfung";
        f01.Obligation = "standardisierte Zielüberprüfung des Leistungsanbieters vor jeder Hilfeplanfortschreibung";
        f01.Source = $"{Text}, Kap. 2.3: „… dass der Leistungsanbieter im Rahmen der Hilfeplanfortschreibung grundsätzlich alle sechs Monate eine … standardisierte Zielüberprüfung verfasst und dem zuständigen Sachbearbeiter rechtzeitig vor der Hilfeplanfortschreibung zukommen lässt.“";
        f01.Parameters["Reports"] = "zielueberpruefung,entwicklungsbericht";

        var f02 = profile.Rules["F02"];
        f02.Name = "Hilfeplangespräch (Fortschreibung)";
        f02.Obligation = "weiteres Hilfeplangespräch zur Überprüfung der Ziele";
        f02.Source = $"{Text}, Kap. 1.5: „Ein weiteres Hilfeplangespräch findet in der Regel nach weiteren 6 Monaten statt“";
        f02.Parameters["CountFrom"] = "hilfeplangespraech"; // F02HilfeplanfortschreibungRule.FromHilfeplangespraech (Rules comes after Profiles)

        var f04 = profile.Rules["F04"];
        f04.Source = $"{Text}, Kap. 1.3: „Der fallzuständige Mitarbeiter des Kreisjugendamtes verfasst den Hilfeplan und stellt diesen allen Beteiligten innerhalb von sechs Wochen zur Verfügung.“";
        f04.Parameters["Within"] = "6w";
        f04.Stages.Reminders = ["2w", "3bd"];

        ProfileRule.KeepOnly(profile, "F01", "F02", "F04", "F19");
        return profile;
    }
}
