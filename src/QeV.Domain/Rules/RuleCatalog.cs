namespace QeV.Domain.Rules;

/// <summary>Every rule the product knows, in catalogue order; the profile decides which of them are active.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<IDeadlineRule> All { get; } =
    [
        new F01EntwicklungsberichtRule(),
        new F02HilfeplanfortschreibungRule(),
        new F03HilfeplankonkretisierungRule(),
        new F04HilfeplanVersandRule(),
        new F05KostenzusageRule(),
        new F06MissedAppointmentsRule(),
        new F07LeistungsberichtRule(),
        new F08TraegergespraechRule(),
        new F09Ag78ReviewRule(),
        new F10QevFortschreibungRule(),
        new F11LeistungsbeschreibungRule(),
        new F12FuehrungszeugnisRule(),
        new F13FortbildungRule(),
        new F14SupervisionRule(),
        new F15HausbesuchRule(),
        new F16NachweisblattRule(),
        new F17VertretungRule(),
        new F18QualitaetsdialogRule(),
        new F19ClearingberichtRule(),
    ];

    public static IDeadlineRule? Find(string id) =>
        All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}
