using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F12: an erweitertes Führungszeugnis for every employee of a provider, renewed "alle 5 Jahre" from its issue
/// date (previous business day); with none on record it is due from employed_since, or at once.
/// </summary>
public sealed class F12FuehrungszeugnisRule : IDeadlineRule
{
    public string Id => "F12";

    public string Name => "Erweitertes Führungszeugnis";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("Validity", ParameterKind.Period, "so lange nach dem Ausstellungsdatum ist ein neues Führungszeugnis fällig"),
    ];

    public string Recipients =>
        "die Person; Eskalation an ihre Teamleitung, bei der Teamleitung selbst an die stellvertretende Teamleitung";

    public string DescribeDue(RuleSettings settings) =>
        $"je aktiver Person eines Trägers: letztes Ausstellungsdatum + {PeriodText.Of(settings.Period("Validity"))}, auf den "
        + "Werktag davor; ohne Führungszeugnis: `employed_since` (oder sofort)";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var validity = context.Settings(Id).Period("Validity");
        var name = context.NameOf(this);
        foreach (var staff in facts.Staff)
        {
            if (!staff.Active || facts.FindOrganisation(staff.OrganisationId)?.Kind != OrganisationKind.Traeger)
            {
                continue;
            }

            var certificates = facts.FuehrungszeugnisseByStaff[staff.StaffId];
            var state = People.StateOf(facts, staff.OrganisationId, context.DefaultState);
            var due = certificates.Any()
                ? context.Calendar.OnOrBefore(validity.From(certificates.Max(c => c.IssuedDate), 1, context.Calendar, state), state)
                : staff.EmployedSince ?? context.AsOf;

            yield return new Deadline(
                Id, name, SubjectType.Staff, staff.StaffId, null, null, due, context.StatusOf(due),
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
