using QeV.Domain.Facts;

namespace QeV.Domain.Rules;

/// <summary>
/// A provider that has stopped (organisations.active = false) produces no new deadlines: every open instance it would
/// owe or that is about it (its staff, its reports, its agreements, its key workers' cases) is left out. Fulfilled ones
/// stay, as history. The Jugendamt's own obligations for a case (F02–F05, F15) are not the provider's and stay.
/// </summary>
public sealed class InactiveProviders
{
    private readonly HashSet<string> _providers;
    private readonly HashSet<string> _agreements;

    public InactiveProviders(FactSet facts)
    {
        _providers = facts.Organisations.Where(o => o.Kind == OrganisationKind.Traeger && !o.Active)
            .Select(o => o.OrganisationId).ToHashSet(StringComparer.Ordinal);
        _agreements = facts.Agreements.Where(a => _providers.Contains(a.ProviderOrganisationId))
            .Select(a => a.AgreementId).ToHashSet(StringComparer.Ordinal);
    }

    public bool Any => _providers.Count > 0;

    public bool Hides(Deadline deadline) =>
        deadline.Status != DeadlineStatus.Fulfilled
        && ((deadline.OrganisationId is { } organisation && _providers.Contains(organisation))
            || (deadline.SubjectType == SubjectType.Organisation && _providers.Contains(deadline.SubjectId))
            || (deadline.SubjectType == SubjectType.Agreement && _agreements.Contains(deadline.SubjectId)));
}
