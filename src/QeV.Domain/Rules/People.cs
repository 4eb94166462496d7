using QeV.Domain.Calendar;
using QeV.Domain.Facts;

namespace QeV.Domain.Rules;

/// <summary>Who acts and whose calendar counts: the lookups every rule shares.</summary>
public static class People
{
    /// <summary>teams.lead_staff_id of the person's team.</summary>
    public static string? TeamLeadOf(FactSet facts, string? staffId) =>
        facts.FindTeam(facts.FindStaff(staffId)?.TeamId)?.LeadStaffId;

    /// <summary>The team lead, or the team's deputy lead when the person is the team lead.</summary>
    public static string? EscalationFor(FactSet facts, string? staffId)
    {
        var team = facts.FindTeam(facts.FindStaff(staffId)?.TeamId);
        if (team is null) return null;
        return team.LeadStaffId == staffId ? team.DeputyLeadStaffId : team.LeadStaffId;
    }

    /// <summary>
    /// Who acts for the provider about a person: their team lead, or the organisation's leitung when the person leads
    /// the team themselves or has none.
    /// </summary>
    public static string? LeadFor(FactSet facts, string staffId)
    {
        var lead = TeamLeadOf(facts, staffId);
        return lead is not null && lead != staffId ? lead : LeitungOf(facts, facts.FindStaff(staffId)?.OrganisationId);
    }

    /// <summary>The active staff member with role leitung and the lowest staff_id.</summary>
    public static string? LeitungOf(FactSet facts, string? organisationId) =>
        organisationId is null ? null : facts.Lookups.LeitungOf(organisationId);

    /// <summary>The Jugendamt a provider works for: the one whose case managers hold most of its cases, else the first.</summary>
    public static string? JugendamtFor(FactSet facts, string? providerOrganisationId) =>
        facts.CaseCounts.For(providerOrganisationId)
            .Where(o => facts.FindOrganisation(o.Key)?.Kind == OrganisationKind.Jugendamt)
            .OrderByDescending(o => o.Value)
            .ThenBy(o => o.Key, IdComparer.Instance)
            .Select(o => o.Key)
            .FirstOrDefault()
        ?? facts.Organisations.Where(o => o.Kind == OrganisationKind.Jugendamt)
            .Select(o => o.OrganisationId).Order(IdComparer.Instance).FirstOrDefault();

    /// <summary>The Bundesland of an organisation; empty or unknown means the configured default.</summary>
    public static Bundesland StateOf(FactSet facts, string? organisationId, Bundesland fallback) =>
        BundeslandCodes.TryParse(facts.FindOrganisation(organisationId)?.State, out var state) ? state : fallback;
}
