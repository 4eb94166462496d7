using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// One rule under the profile of each Jugendamt (<see cref="RuleContext.Map"/>): the rule runs once per profile in use
/// over the same facts, and each deadline is kept from the run of the profile it belongs to. A case's deadline belongs
/// to the profile of its Jugendamt (the organisation of its fallführende Fachkraft); a provider-level deadline to that
/// of its agreement's Jugendamt: an agreement (F07, F10, F18) by its own Jugendamt
/// (<c>agreements.jugendamt_organisation_id</c>) when the data names one, else through its provider; an organisation
/// (F08, F09, F11) itself when it is a Jugendamt, else through its Jugendamt (<see cref="People.JugendamtFor"/>); a
/// person's deadline (F12–F14) to the default profile. Pure: facts in, deadlines out.
/// </summary>
internal static class ProfileRun
{
    public delegate IReadOnlyList<Deadline> Runner(IDeadlineRule rule, FactSet facts, RuleContext context, List<RuleFailure> failures);

    public static IReadOnlyList<Deadline> PerProfile(
        IDeadlineRule rule, FactSet facts, RuleContext context, List<RuleFailure> failures, Runner run)
    {
        var found = new List<Deadline>();
        var seen = new List<RuleFailure>();
        foreach (var profile in context.Map.ByJugendamt.Values.Prepend(context.Rules).Distinct())
        {
            var own = run(rule, facts, context with { Profile = profile }, seen);
            found.AddRange(own.Where(d => ReferenceEquals(ProfileOf(facts, d, context), profile)));
        }

        // The same bad fact fails under every profile: it is one data problem.
        failures.AddRange(seen.Distinct());
        return found;
    }

    /// <summary>The profile a deadline is judged by.</summary>
    public static RuleProfile ProfileOf(FactSet facts, Deadline deadline, RuleContext context)
    {
        var map = context.Map;
        if ((deadline.CaseId ?? (deadline.SubjectType == SubjectType.Case ? deadline.SubjectId : null)) is { } caseId)
        {
            var @case = facts.CaseById.GetValueOrDefault(caseId);
            return map.ForJugendamt(facts.FindStaff(@case?.CaseManagerStaffId)?.OrganisationId) ?? context.Rules;
        }

        var organisation = deadline.SubjectType switch
        {
            SubjectType.Agreement => AgreementOrganisation(facts, deadline),
            SubjectType.Organisation => deadline.SubjectId,
            _ => null,
        };
        if (organisation is null)
        {
            return context.Rules;
        }

        var jugendamt = facts.FindOrganisation(organisation)?.Kind == OrganisationKind.Jugendamt
            ? organisation
            : People.JugendamtFor(facts, organisation);
        return map.ForJugendamt(jugendamt) ?? context.Rules;
    }

    /// <summary>
    /// The agreement's own Jugendamt when the data names it (<see cref="Agreement.JugendamtOrganisationId"/>), else its
    /// provider; a QEV of several providers (<c>qev_id</c>) by the row of the provider with the smallest id.
    /// </summary>
    private static string? AgreementOrganisation(FactSet facts, Deadline deadline)
    {
        var row = facts.Agreements
            .Where(a => a.AgreementId == deadline.SubjectId || a.QevId == deadline.SubjectId)
            .OrderBy(a => a.ProviderOrganisationId, IdComparer.Instance)
            .FirstOrDefault();
        return row is null ? deadline.OrganisationId : row.JugendamtOrganisationId ?? row.ProviderOrganisationId;
    }
}
