using System.Globalization;
using QeV.Domain.Facts;
using QeV.Domain.Rules;

namespace QeV.Domain.Planning;

/// <summary>
/// What a mail names about a deadline's subject and its people, from the facts planning has (organisations, teams,
/// staff): the provider, the staff member or the agreement's provider by name, and each person's real role. Cases are
/// named by their file reference only (Sozialdatenschutz), never by the family.
/// </summary>
public static class SubjectLabels
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// Staff: the person's name; organisation: its name; agreement: its provider's name (the organisation of the deadline
    /// or of a person on it that is a Träger); case and meeting: null (the file reference names them).
    /// </summary>
    public static string? SubjectName(FactSet facts, Deadline d) => d.SubjectType switch
    {
        SubjectType.Staff => facts.FindStaff(d.SubjectId)?.DisplayName,
        SubjectType.Organisation => facts.FindOrganisation(d.SubjectId)?.Name,
        SubjectType.Agreement => ProviderOf(facts, d)?.Name,
        _ => null,
    };

    /// <summary>"November 2026" for a deadline about a month (F16), else null.</summary>
    public static string? Month(DateOnly? period) =>
        period is { } month ? month.ToString("MMMM yyyy", German) : null;

    /// <summary>
    /// The person's role on this deadline as a mail names it: "fallführende Fachkraft" (a Jugendamt's Fachkraft on a
    /// case), "Bezugsbetreuung" (a provider's Fachkraft on a case), "Fachkraft", "Teamleitung", "Personalverwaltung",
    /// "Leitung des Trägers" or "Leitung des Jugendamts".
    /// </summary>
    public static string RoleOf(FactSet facts, Deadline d, string? staffId)
    {
        var staff = facts.FindStaff(staffId);
        if (staff is null)
        {
            return "zuständige Person";
        }

        var provider = facts.FindOrganisation(staff.OrganisationId)?.Kind == OrganisationKind.Traeger;
        if (staff.Role is not StaffRole.Leitung && facts.Lookups.TeamsByLead.Contains(staff.StaffId))
        {
            return "Teamleitung";
        }

        return staff.Role switch
        {
            StaffRole.Leitung => provider ? "Leitung des Trägers" : "Leitung des Jugendamts",
            StaffRole.Teamleitung => "Teamleitung",
            StaffRole.Personal => "Personalverwaltung",
            _ when d.CaseId is not null => provider ? "Bezugsbetreuung" : "fallführende Fachkraft",
            _ => "Fachkraft",
        };
    }

    private static Organisation? ProviderOf(FactSet facts, Deadline d) =>
        new[] { d.OrganisationId }
            .Concat(new[] { d.ResponsibleStaffId, d.InformedStaffId, d.SupervisorStaffId }.Select(s => facts.FindStaff(s)?.OrganisationId))
            .Select(facts.FindOrganisation)
            .FirstOrDefault(o => o?.Kind == OrganisationKind.Traeger);
}
