using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F02: "Die Hilfeplanfortschreibung erfolgt halbjährlich, erstmals 6 Monate nach Hilfebeginn" — one instance per
/// running case: the latest held Fortschreibung + <c>Interval</c>, or Hilfebeginn + <c>First</c> before the first one
/// (an earlier Fortschreibung in a crisis restarts the count). Bad Dürkheim counts from the latest held
/// Hilfeplangespräch of any kind ("nach weiteren 6 Monaten"). Moved to the next business day; when the next one is
/// held, the following instance takes its place.
/// </summary>
public sealed class F02HilfeplanfortschreibungRule : IDeadlineRule
{
    public const string FromHilfebeginn = "hilfebeginn";
    public const string FromHilfeplangespraech = "hilfeplangespraech";

    public string Id => "F02";

    public string Name => "Hilfeplanfortschreibung";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("First", ParameterKind.Period, "erste Fortschreibung so lange nach Hilfebeginn (nur bei CountFrom = hilfebeginn)"),
        new("Interval", ParameterKind.Period, "jede weitere so lange nach der letzten gehaltenen"),
        new("CountFrom", ParameterKind.Choice, "hilfebeginn: erste ab Hilfebeginn, dann ab der letzten Fortschreibung; "
            + "hilfeplangespraech: ab dem letzten gehaltenen Hilfeplangespräch jeder Art")
        {
            Allowed = [FromHilfebeginn, FromHilfeplangespraech],
        },
    ];

    public string Recipients => "fallführende Fachkraft; überfällig Eskalation an deren Teamleitung";

    public string DescribeDue(RuleSettings settings) =>
        string.Equals(settings.Text("CountFrom"), FromHilfeplangespraech, StringComparison.OrdinalIgnoreCase)
            ? $"je laufender Hilfe: letztes gehaltenes Hilfeplangespräch (erstes oder Fortschreibung) + {PeriodText.Of(settings.Period("Interval"))}, auf den Werktag danach"
            : $"je laufender Hilfe: Hilfebeginn + {PeriodText.Of(settings.Period("First"))}, danach letzte gehaltene Fortschreibung + "
                + $"{PeriodText.Of(settings.Period("Interval"))} (eine frühere Fortschreibung in der Krise zählt neu), auf den Werktag danach";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var settings = context.Settings(Id);
        var first = settings.Period("First");
        var interval = settings.Period("Interval");
        var fromAnyMeeting = string.Equals(settings.Text("CountFrom"), FromHilfeplangespraech, StringComparison.OrdinalIgnoreCase);
        var name = context.NameOf(this);
        foreach (var @case in facts.Cases)
        {
            var held = facts.MeetingsByCase[@case.CaseId]
                .Where(m => m.Status == MeetingStatus.Held
                    && (m.Kind == MeetingKind.Fortschreibung || (fromAnyMeeting && m.Kind == MeetingKind.Initial)))
                .Select(m => (DateOnly?)m.Date)
                .Max();
            if (held is null && fromAnyMeeting)
            {
                continue;
            }

            var organisationId = facts.FindStaff(@case.CaseManagerStaffId)?.OrganisationId;
            var state = People.StateOf(facts, organisationId, context.DefaultState);
            var scheduled = held is { } last
                ? interval.From(last, 1, context.Calendar, state)
                : first.From(@case.StartDate, 1, context.Calendar, state);
            var due = context.Calendar.OnOrAfter(scheduled, state);
            if (!@case.RunsOn(due))
            {
                continue;
            }

            yield return new Deadline(
                Id, name, SubjectType.Case, @case.CaseId, @case.CaseId, @case.FileReference, due, context.StatusOf(due),
                @case.CaseManagerStaffId, People.EscalationFor(facts, @case.CaseManagerStaffId))
            {
                OrganisationId = organisationId,
            };
        }
    }
}
