namespace QeV.Domain.Profiles;

/// <summary>
/// Profile „magdeburg-kern“: the Magdeburg values with only the five core deadlines (F01, F06, F07, F09, F12) active,
/// for an office that starts with those, and for tests of the notification mechanics.
/// </summary>
internal static class MagdeburgKernProfile
{
    public const string Name = "magdeburg-kern";

    public static RuleProfile Create()
    {
        var profile = MagdeburgProfile.Create().Derive(Name,
            "QEV Magdeburg, nur die fünf Kernfristen (Entwicklungsbericht, drei Termine ohne Mitwirkung, Leistungsbericht, AG § 78, Führungszeugnis)",
            "QEV Magdeburg gemäß § 78b Abs. 1 (3) SGB VIII mit Anlage „Qualitätsstandards ambulanter Erziehungshilfen“");
        ProfileRule.KeepOnly(profile, "F01", "F06", "F07", "F09", "F12");
        return profile;
    }
}
