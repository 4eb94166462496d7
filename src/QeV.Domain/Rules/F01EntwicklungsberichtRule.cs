using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F01: "erhält die fallführende Fachkraft zwei Wochen vorab einen Entwicklungsbericht" — one instance per
/// planned Hilfeplanfortschreibung, due <c>Before</c> (14 days) before it, moved to the previous business day.
/// In Bad Dürkheim the same shape is the Zielüberprüfung "rechtzeitig vor der Hilfeplanfortschreibung".
/// </summary>
public sealed class F01EntwicklungsberichtRule : IDeadlineRule
{
    public string Id => "F01";

    public string Name => "Entwicklungsbericht";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("Before", ParameterKind.Period, "so lange vor der geplanten Fortschreibung ist der Bericht fällig"),
        new("Reports", ParameterKind.ChoiceList, "Berichtsarten (reports.kind), die die Frist erfüllen")
        {
            Allowed = Codes.All<ReportKind>(),
        },
    ];

    public string Recipients =>
        "Bezugsbetreuer/in; überfällig Eskalation an deren Teamleitung und einmal ein Hinweis an die fallführende Fachkraft";

    public string DescribeDue(RuleSettings settings) =>
        $"je geplanter Hilfeplanfortschreibung: Termin − {PeriodText.Of(settings.Period("Before"))}, auf den Werktag davor; "
        + $"erfüllt durch einen Bericht ({string.Join(", ", settings.List("Reports"))}) mit dieser `meeting_id` oder ohne "
        + "`meeting_id` für die früheste Fortschreibung (geplant oder gehalten) am oder nach dem Eingangsdatum";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var settings = context.Settings(Id);
        var before = settings.Period("Before");
        var kinds = settings.List("Reports").Select(Codes.Parse<ReportKind>).ToHashSet();
        var reportsByMeeting = ReportsByMeeting(facts, kinds);
        var name = context.NameOf(this);

        foreach (var meeting in facts.Meetings)
        {
            if (meeting.Kind != MeetingKind.Fortschreibung || meeting.Status != MeetingStatus.Planned)
            {
                continue;
            }

            var @case = facts.CaseById.GetValueOrDefault(meeting.CaseId);
            var keyWorker = facts.FindStaff(@case?.KeyWorkerStaffId);
            var organisationId = keyWorker?.OrganisationId ?? @case?.ProviderOrganisationId;
            var state = People.StateOf(facts, organisationId, context.DefaultState);
            var due = context.Calendar.OnOrBefore(before.From(meeting.Date, -1, context.Calendar, state), state);

            var deadline = new Deadline(
                Id, name, SubjectType.Meeting, meeting.MeetingId, meeting.CaseId, @case?.FileReference, due,
                context.StatusOf(due, reportsByMeeting.Contains(meeting.MeetingId)),
                @case?.KeyWorkerStaffId, People.TeamLeadOf(facts, @case?.KeyWorkerStaffId))
            {
                InformedStaffId = @case?.CaseManagerStaffId,
                OrganisationId = organisationId,
                MeetingDate = meeting.Date,
            };
            if (EndedHelp.Apply(deadline, @case, context) is { } kept)
            {
                yield return kept;
            }
        }
    }

    /// <summary>
    /// Meetings that have their report: tied by meeting_id, or else (CONTRACT.md) the case's earliest
    /// Fortschreibung, planned or held, dated on or after the report's received date.
    /// </summary>
    private static HashSet<string> ReportsByMeeting(FactSet facts, HashSet<ReportKind> kinds)
    {
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in facts.Reports.Where(r => kinds.Contains(r.Kind)))
        {
            if (report.MeetingId is not null)
            {
                covered.Add(report.MeetingId);
                continue;
            }

            if (report.CaseId is null)
            {
                continue;
            }

            var target = facts.MeetingsByCase[report.CaseId]
                .Where(m => m.Kind == MeetingKind.Fortschreibung
                    && m.Status is MeetingStatus.Planned or MeetingStatus.Held
                    && m.Date >= report.ReceivedDate)
                .OrderBy(m => m.Date)
                .ThenBy(m => m.MeetingId, IdComparer.Instance)
                .FirstOrDefault();
            if (target is not null)
            {
                covered.Add(target.MeetingId);
            }
        }

        return covered;
    }
}
