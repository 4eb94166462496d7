using QeV.Domain.Facts;
using QeV.Domain.Rules;

namespace QeV.Domain.Planning;

/// <summary>
/// The responsible person; if absent, the deputy; an absent team lead is replaced by the deputy lead. An inactive,
/// unknown or mail-less person is a data problem to report, and the notice goes to the deputy or the team lead instead.
/// </summary>
public static class RecipientRouter
{
    public static RoutedRecipient Route(FactSet facts, string? staffId, DateOnly day, string context)
    {
        var problems = new List<DataProblemLine>();
        var intended = facts.FindStaff(staffId);
        if (intended is null)
        {
            problems.Add(new DataProblemLine(staffId ?? "–", null,
                staffId is null ? "keine zuständige Person hinterlegt" : "Person unbekannt", context));
            return new RoutedRecipient(null, problems);
        }

        if (Problem(intended) is { } problem)
        {
            problems.Add(new DataProblemLine(intended.StaffId, intended.DisplayName, problem, context));
        }
        else if (!intended.IsAbsentOn(day))
        {
            return new RoutedRecipient(ToRecipient(intended, null), problems);
        }

        foreach (var candidateId in Substitutes(facts, intended))
        {
            var candidate = facts.FindStaff(candidateId);
            if (candidate is not null && Problem(candidate) is null && !candidate.IsAbsentOn(day) && candidate.StaffId != intended.StaffId)
            {
                return new RoutedRecipient(ToRecipient(candidate, intended.DisplayName), problems);
            }
        }

        if (problems.Count == 0)
        {
            problems.Add(new DataProblemLine(intended.StaffId, intended.DisplayName, "abwesend, keine erreichbare Vertretung", context));
        }

        return new RoutedRecipient(null, problems);
    }

    /// <summary>Why a person cannot receive mail, or null.</summary>
    public static string? Problem(Staff staff) =>
        !staff.Active ? "nicht mehr aktiv"
        : string.IsNullOrWhiteSpace(staff.Email) ? "keine E-Mail-Adresse hinterlegt"
        : null;

    private static IEnumerable<string?> Substitutes(FactSet facts, Staff person)
    {
        var ledTeam = facts.Lookups.TeamsByLead[person.StaffId].FirstOrDefault();
        if (ledTeam is not null)
        {
            yield return ledTeam.DeputyLeadStaffId;
        }

        yield return person.DeputyStaffId;
        yield return People.EscalationFor(facts, person.StaffId);
    }

    private static Recipient ToRecipient(Staff staff, string? standsInFor) =>
        new(staff.StaffId, staff.DisplayName, staff.Email!, standsInFor);
}
