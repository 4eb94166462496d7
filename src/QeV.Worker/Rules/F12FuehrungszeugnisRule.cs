using QeV.Worker.Facts;

namespace QeV.Worker.Rules;

/// <summary>
/// F12: an erweitertes Führungszeugnis for every employee of a provider, renewed "alle 5 Jahre" from its issue
/// date (previous business day); with none on record it is due from employed_since, or at once.
/// </summary>
public sealed class F12FuehrungszeugnisRule : IDeadlineRule
{
    public const int ValidityYears = 5;

    public string Id => "F12";

    public string Name => "Erweitertes Führungszeugnis";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        foreach (var staff in facts.Staff)
        {
            if (!staff.Active || facts.FindOrganisation(staff.OrganisationId)?.Kind != OrganisationKind.Traeger)
            {
                continue;
            }

            var certificates = facts.FuehrungszeugnisseByStaff[staff.StaffId];
            var due = certificates.Any()
                ? context.Calendar.OnOrBefore(
                    certificates.Max(c => c.IssuedDate).AddYears(ValidityYears),
                    People.StateOf(facts, staff.OrganisationId, context.DefaultState))
                : staff.EmployedSince ?? context.AsOf;

            yield return new Deadline(
                Id, Name, SubjectType.Staff, staff.StaffId, null, null, due, context.StatusOf(due),
                staff.StaffId, People.EscalationFor(facts, staff.StaffId))
            {
                OrganisationId = staff.OrganisationId,
                InstanceKey = !certificates.Any() && staff.EmployedSince is null ? $"{Id}/{staff.StaffId}/ohne-datum" : null,
            };
        }
    }

    /// <summary>True when the staff member has no certificate on record at all (a data gap, not just a renewal).</summary>
    public static bool IsMissing(FactSet facts, string staffId) => !facts.FuehrungszeugnisseByStaff[staffId].Any();
}
