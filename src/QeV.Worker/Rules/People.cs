using QeV.Worker.Calendar;
using QeV.Worker.Facts;

namespace QeV.Worker.Rules;

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

    /// <summary>The active staff member with role leitung and the lowest staff_id.</summary>
    public static string? LeitungOf(FactSet facts, string? organisationId) =>
        facts.Staff
            .Where(s => s.Active && s.Role == StaffRole.Leitung && s.OrganisationId == organisationId)
            .Select(s => s.StaffId)
            .Order(IdComparer.Instance)
            .FirstOrDefault();

    /// <summary>The Bundesland of an organisation; empty or unknown means the configured default.</summary>
    public static Bundesland StateOf(FactSet facts, string? organisationId, Bundesland fallback) =>
        BundeslandCodes.TryParse(facts.FindOrganisation(organisationId)?.State, out var state) ? state : fallback;
}
