namespace QeV.Domain.Facts.Partitions;

/// <summary>
/// The small tables of the organisation-wide rules, read once per scan: agreements, AG 78 sessions, provider dialogues,
/// the reports that belong to no case, and the case counts per provider (which Jugendamt a provider works for).
/// </summary>
public sealed record OrganisationFacts(
    IReadOnlyList<Agreement> Agreements,
    IReadOnlyList<Ag78Session> Ag78Sessions,
    IReadOnlyList<ProviderDialogue> ProviderDialogues,
    IReadOnlyList<Report> Reports,
    CaseCounts CaseCounts);
