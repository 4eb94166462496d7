using QeV.Worker.Facts;

namespace QeV.Worker.Rules;

/// <summary>
/// F01: "erhält die fallführende Fachkraft zwei Wochen vorab einen Entwicklungsbericht" — one instance per
/// planned Hilfeplanfortschreibung, due 14 days before it, moved to the previous business day.
/// </summary>
public sealed class F01EntwicklungsberichtRule : IDeadlineRule
{
    public const int DaysBeforeMeeting = 14;

    public string Id => "F01";

    public string Name => "Entwicklungsbericht";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        var reportsByMeeting = ReportsByMeeting(facts);

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
            var due = context.Calendar.OnOrBefore(meeting.Date.AddDays(-DaysBeforeMeeting), state);

            yield return new Deadline(
                Id, Name, SubjectType.Meeting, meeting.MeetingId, meeting.CaseId, @case?.FileReference, due,
                context.StatusOf(due, reportsByMeeting.Contains(meeting.MeetingId)),
                @case?.KeyWorkerStaffId, People.TeamLeadOf(facts, @case?.KeyWorkerStaffId))
            {
                InformedStaffId = @case?.CaseManagerStaffId,
                OrganisationId = organisationId,
            };
        }
    }

    /// <summary>
    /// Meetings that have their Entwicklungsbericht: tied by meeting_id, or else (CONTRACT.md) the case's earliest
    /// Fortschreibung, planned or held, dated on or after the report's received date.
    /// </summary>
    private static HashSet<string> ReportsByMeeting(FactSet facts)
    {
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in facts.Reports.Where(r => r.Kind == ReportKind.Entwicklungsbericht))
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
