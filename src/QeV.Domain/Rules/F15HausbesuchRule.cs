using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F15: "… sind in der Zeit der Hilfegewährung durch die fallführende Fachkraft 2 bis 3 direkte Kontakte jährlich im
/// Haushalt der Hilfeempfänger*innen … verpflichtend umzusetzen." — per case and help year (counted from Hilfebeginn;
/// the current one and the one before): at least <c>Visits</c> home visits (home_visits.csv) within it, due on the
/// help year's last business day. A help year the case does not run to its end makes no instance.
/// </summary>
public sealed class F15HausbesuchRule : IDeadlineRule
{
    public string Id => "F15";

    public string Name => "Hausbesuche der fallführenden Fachkraft";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("Visits", ParameterKind.Count, "Mindestzahl direkter Kontakte im Haushalt je Hilfejahr"),
    ];

    public string Recipients => "fallführende Fachkraft; überfällig Eskalation an deren Teamleitung";

    public string DescribeDue(RuleSettings settings) =>
        $"je Hilfe und Hilfejahr (ab Hilfebeginn; laufendes und voriges): mindestens {settings.Count("Visits")} Hausbesuche "
        + "(`home_visits.csv`) im Hilfejahr, fällig am letzten Werktag des Hilfejahres; endet die Hilfe vorher, entfällt das Jahr";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var visits = context.Settings(Id).Count("Visits");
        var name = context.NameOf(this);
        foreach (var @case in facts.Cases.Where(c => c.StartDate <= context.AsOf))
        {
            var organisationId = facts.FindStaff(@case.CaseManagerStaffId)?.OrganisationId;
            var state = People.StateOf(facts, organisationId, context.DefaultState);
            var current = (context.AsOf.Year - @case.StartDate.Year) + 1;
            while (@case.StartDate.AddYears(current - 1) > context.AsOf)
            {
                current--;
            }

            for (var year = Math.Max(1, current - 1); year <= current; year++)
            {
                var from = @case.StartDate.AddYears(year - 1);
                var until = @case.StartDate.AddYears(year).AddDays(-1);
                if (!@case.RunsOn(until))
                {
                    continue;
                }

                var count = facts.HomeVisitsByCase[@case.CaseId].Count(v => v.Date >= from && v.Date <= until);
                var due = context.Calendar.OnOrBefore(until, state);
                yield return new Deadline(
                    Id, name, SubjectType.Case, @case.CaseId, @case.CaseId, @case.FileReference, due, context.StatusOf(due, count >= visits),
                    @case.CaseManagerStaffId, People.EscalationFor(facts, @case.CaseManagerStaffId))
                {
                    OrganisationId = organisationId,
                };
            }
        }
    }
}
