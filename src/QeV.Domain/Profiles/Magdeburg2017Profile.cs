namespace QeV.Domain.Profiles;

/// <summary>
/// Profile „magdeburg-2017“ (seed 001): the earlier variant of the Magdeburg QEV, valid from 01.07.2017, whose
/// Leistungsbericht is due „alle 2 Jahre, frühestens ab 01.01.2019“.
/// </summary>
internal static class Magdeburg2017Profile
{
    public const string Name = "magdeburg-2017";

    public static RuleProfile Create()
    {
        var profile = MagdeburgProfile.Create().Derive(Name,
            "Qualitätsentwicklungsvereinbarung ambulante Hilfen zur Erziehung, Magdeburg, Fassung ab 01.07.2017",
            "QEV Magdeburg, Fassung ab 01.07.2017 (§ 6 Nr. 1)");
        var f07 = profile.Rules["F07"];
        f07.Parameters["NotBefore"] = "2019-01-01";
        f07.Source = "§ 4 Nr. 1.4 (Fassung 2017): „Der Leistungsbericht wird alle 2 Jahre, frühestens ab 01.01.2019, durch den Träger/ Leistungsanbieter zur Verfügung gestellt.“";
        return profile;
    }
}
