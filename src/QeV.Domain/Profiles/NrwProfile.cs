namespace QeV.Domain.Profiles;

/// <summary>
/// Profile „nrw-qe-vereinbarung“ (seed 003): the NRW template of a bilateral QE agreement. Its only dates are the
/// agreement period (von – bis) and "Der Qualitätsdialog wird fortgesetzt am …" (rule F18).
/// </summary>
internal static class NrwProfile
{
    public const string Name = "nrw-qe-vereinbarung";

    public static RuleProfile Create()
    {
        var profile = MagdeburgProfile.Create().Derive(Name,
            "Bilaterale Qualitätsentwicklungsvereinbarung nach der NRW-Vorlage (Jugendamt und freier Träger)",
            "Vorlage Qualitätsentwicklungsvereinbarung NRW (Ergebnis des bilateralen Qualitätsdialogs)");
        profile.DefaultState = "NW";
        ProfileRule.KeepOnly(profile, "F18");
        return profile;
    }
}
