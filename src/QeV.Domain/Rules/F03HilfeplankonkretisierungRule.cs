using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F03: "Die Hilfeplankonkretisierung findet mit allen Beteiligten spätestens 6-8 Wochen nach dem
/// Hilfeplangespräch statt." — one instance per held first Hilfeplangespräch of a running case, due at the end of
/// the window (<c>Within</c>, 8 weeks), moved to the next business day; fulfilled by a held Konkretisierung on or
/// after that meeting. The window's start (<c>WindowFrom</c>, 6 weeks) is where the first reminder falls.
/// </summary>
public sealed class F03HilfeplankonkretisierungRule : IDeadlineRule
{
    public string Id => "F03";

    public string Name => "Hilfeplankonkretisierung";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("WindowFrom", ParameterKind.Period, "Beginn des Zeitfensters nach dem ersten Hilfeplangespräch"),
        new("Within", ParameterKind.Period, "Ende des Zeitfensters: dann ist die Konkretisierung fällig"),
    ];

    public string Recipients => "fallführende Fachkraft; überfällig Eskalation an deren Teamleitung";

    public string DescribeDue(RuleSettings settings) =>
        $"je gehaltenem ersten Hilfeplangespräch einer laufenden Hilfe: Zeitfenster {PeriodText.Of(settings.Period("WindowFrom"))} bis "
        + $"{PeriodText.Of(settings.Period("Within"))} danach, fällig am Ende, auf den Werktag danach; erfüllt durch eine gehaltene "
        + "Konkretisierung am oder nach dem Gespräch";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var within = context.Settings(Id).Period("Within");
        var name = context.NameOf(this);
        foreach (var initial in facts.Meetings.Where(m => m.Kind == MeetingKind.Initial && m.Status == MeetingStatus.Held))
        {
            if (facts.CaseById.GetValueOrDefault(initial.CaseId) is not { } @case)
            {
                continue;
            }

            var organisationId = facts.FindStaff(@case.CaseManagerStaffId)?.OrganisationId;
            var state = People.StateOf(facts, organisationId, context.DefaultState);
            var due = context.Calendar.OnOrAfter(within.From(initial.Date, 1, context.Calendar, state), state);
            if (!@case.RunsOn(due))
            {
                continue;
            }

            var held = facts.MeetingsByCase[@case.CaseId].Any(m =>
                m.Kind == MeetingKind.Konkretisierung && m.Status == MeetingStatus.Held && m.Date >= initial.Date);
            yield return new Deadline(
                Id, name, SubjectType.Meeting, initial.MeetingId, @case.CaseId, @case.FileReference, due, context.StatusOf(due, held),
                @case.CaseManagerStaffId, People.EscalationFor(facts, @case.CaseManagerStaffId))
            {
                OrganisationId = organisationId,
            };
        }
    }
}
