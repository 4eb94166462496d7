using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// The shape of F04 and F05: something the Jugendamt owes within a period after each held Hilfeplangespräch of the
/// kinds the profile names; fulfilled once its date is recorded (late or not). Due on the next business day.
/// </summary>
internal static class MeetingFollowUp
{
    public static IReadOnlyList<ParameterSpec> Parameters(string within) =>
    [
        new("Within", ParameterKind.Period, within),
        new("Meetings", ParameterKind.ChoiceList, "nach welchen gehaltenen Gesprächen (meetings.kind)")
        {
            Allowed = Codes.All<MeetingKind>(),
        },
    ];

    public static string MeetingsText(RuleSettings settings) => string.Join(" und ", settings.List("Meetings").Select(k => k.ToLowerInvariant() switch
    {
        "initial" => "erstem Hilfeplangespräch",
        "fortschreibung" => "Hilfeplanfortschreibung",
        _ => "Hilfeplankonkretisierung",
    }));

    public static IEnumerable<Deadline> Evaluate(
        IDeadlineRule rule, FactSet facts, RuleContext context, Func<CarePlanMeeting, DateOnly?> doneOn)
    {
        if (!context.IsEnabled(rule.Id))
        {
            yield break;
        }

        var settings = context.Settings(rule.Id);
        var within = settings.Period("Within");
        var kinds = settings.List("Meetings").Select(Codes.Parse<MeetingKind>).ToHashSet();
        var name = context.NameOf(rule);
        foreach (var meeting in facts.Meetings.Where(m => m.Status == MeetingStatus.Held && kinds.Contains(m.Kind)))
        {
            var @case = facts.CaseById.GetValueOrDefault(meeting.CaseId);
            var organisationId = facts.FindStaff(@case?.CaseManagerStaffId)?.OrganisationId;
            var state = People.StateOf(facts, organisationId, context.DefaultState);
            var due = context.Calendar.OnOrAfter(within.From(meeting.Date, 1, context.Calendar, state), state);
            var deadline = new Deadline(
                rule.Id, name, SubjectType.Meeting, meeting.MeetingId, meeting.CaseId, @case?.FileReference, due,
                context.StatusOf(due, doneOn(meeting) is not null),
                @case?.CaseManagerStaffId, People.EscalationFor(facts, @case?.CaseManagerStaffId))
            {
                OrganisationId = organisationId,
                MeetingDate = meeting.Date,
            };
            if (EndedHelp.Apply(deadline, @case, context) is { } kept)
            {
                yield return kept;
            }
        }
    }
}
