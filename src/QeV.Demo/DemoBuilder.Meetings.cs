using QeV.Domain.Facts;

namespace QeV.Demo;

/// <summary>The cases' care-plan meetings, their Entwicklungsberichte and the other case reports.</summary>
internal sealed partial class DemoBuilder
{
    /// <summary>
    /// Initial HPG about four weeks after the start, Konkretisierung 6–8 weeks later, Fortschreibungen every six
    /// months: past ones held (a few cancelled and held again two to four weeks later), the next one planned.
    /// </summary>
    private void BuildMeetings(CaseInfo c, DateOnly? plannedFortschreibung)
    {
        var limit = c.End ?? DateOnly.MaxValue;
        var initial = NextBusinessDay(c.Start.AddDays(Between(21, 35)));
        if (initial > limit)
        {
            return;
        }

        if (initial >= _today)
        {
            AddMeeting(c, MeetingKind.Initial, initial, MeetingStatus.Planned);
            return;
        }

        AddMeeting(c, MeetingKind.Initial, initial, MeetingStatus.Held, PlanSent(initial), CostApproval(initial));
        var konkretisierung = NextBusinessDay(initial.AddDays(Between(42, 56)));
        if (konkretisierung > limit)
        {
            return;
        }

        if (konkretisierung >= _today)
        {
            AddMeeting(c, MeetingKind.Konkretisierung, konkretisierung, MeetingStatus.Planned);
            return;
        }

        AddMeeting(c, MeetingKind.Konkretisierung, konkretisierung, MeetingStatus.Held, PlanSent(konkretisierung));
        for (var k = 1; ; k++)
        {
            var date = NextBusinessDay(c.Start.AddMonths(6 * k));
            if (date > limit)
            {
                return;
            }

            if (date < _today && Chance(0.04))
            {
                AddMeeting(c, MeetingKind.Fortschreibung, date, MeetingStatus.Cancelled);
                date = NextBusinessDay(date.AddDays(Between(14, 28)));
                if (date > limit)
                {
                    return;
                }
            }

            if (date >= _today)
            {
                var planned = plannedFortschreibung ?? date;
                var plannedId = AddMeeting(c, MeetingKind.Fortschreibung, planned, MeetingStatus.Planned);
                EntwicklungsberichtForPlanned(c, plannedId, planned);
                return;
            }

            var heldId = AddMeeting(c, MeetingKind.Fortschreibung, date, MeetingStatus.Held, PlanSent(date), CostApproval(date));
            EntwicklungsberichtForHeld(c, heldId, date);
        }
    }

    private string AddMeeting(
        CaseInfo c, MeetingKind kind, DateOnly date, MeetingStatus status, DateOnly? planSent = null, DateOnly? costApproval = null)
    {
        var id = NextRowId("M-", ref _meetingNo);
        _tables["meetings"].Add(
            ("meeting_id", id), ("case_id", c.Id), ("kind", Codes.Of(kind)), ("date", date), ("status", Codes.Of(status)),
            ("plan_sent_date", planSent), ("cost_approval_date", costApproval));
        return id;
    }

    /// <summary>The signed plan, mostly within 14 days, some late; null while it is still outstanding.</summary>
    private DateOnly? PlanSent(DateOnly meeting)
    {
        var sent = NextBusinessDay(meeting.AddDays(Chance(0.85) ? Between(3, 14) : Between(15, 35)));
        return sent <= _today ? sent : null;
    }

    private DateOnly? CostApproval(DateOnly meeting)
    {
        var approved = NextBusinessDay(meeting.AddDays(Chance(0.9) ? Between(2, 14) : Between(15, 30)));
        return approved <= _today ? approved : null;
    }

    /// <summary>Mostly 10–20 days ahead, some late, a few missing; some tied only by case_id.</summary>
    private void EntwicklungsberichtForHeld(CaseInfo c, string meetingId, DateOnly meeting)
    {
        var roll = _rng.NextDouble();
        if (roll >= 0.95)
        {
            return;
        }

        var received = PreviousBusinessDay(meeting.AddDays(roll < 0.85 ? -Between(10, 20) : -Between(1, 9)));
        AddReport(ReportKind.Entwicklungsbericht, c.ProviderId, c.Id, Chance(0.85) ? meetingId : null, null, received);
    }

    /// <summary>For the next Fortschreibung some reports are already in (F01 fulfilled).</summary>
    private void EntwicklungsberichtForPlanned(CaseInfo c, string meetingId, DateOnly meeting)
    {
        switch (c.Scenario)
        {
            case Scenario.F01Fulfilled:
                AddReport(ReportKind.Entwicklungsbericht, c.ProviderId, c.Id, meetingId, null, _today.AddDays(-Between(0, 2)));
                return;
            case Scenario.F01Overdue or Scenario.F01Due or Scenario.F01Upcoming:
                return;
            default:
                var from = meeting.AddDays(-20);
                var until = meeting.AddDays(-8) < _today ? meeting.AddDays(-8) : _today;
                if (from > until || !Chance(0.6))
                {
                    return;
                }

                var received = from.AddDays(_rng.Next(until.DayNumber - from.DayNumber + 1));
                AddReport(ReportKind.Entwicklungsbericht, c.ProviderId, c.Id, Chance(0.85) ? meetingId : null, null, received);
                return;
        }
    }

    /// <summary>Monthly Nachweisblätter for some cases (a month missing here and there); Abschlussbericht when ended.</summary>
    private void BuildCaseReports(CaseInfo c)
    {
        if (Chance(0.3))
        {
            var thisMonth = new DateOnly(_today.Year, _today.Month, 1);
            var startMonth = new DateOnly(c.Start.Year, c.Start.Month, 1);
            for (var back = 4; back >= 1; back--)
            {
                var month = thisMonth.AddMonths(-back);
                if (month < startMonth || (c.End is { } end && month > end) || Chance(0.1))
                {
                    continue;
                }

                var received = NextBusinessDay(month.AddMonths(1).AddDays(Between(2, 12)));
                if (received <= _today)
                {
                    AddReport(ReportKind.Nachweisblatt, c.ProviderId, c.Id, null,
                        string.Create(Invariant, $"{month.Year:D4}-{month.Month:D2}"), received);
                }
            }
        }

        if (c.End is { } ended && Chance(0.8))
        {
            var received = NextBusinessDay(ended.AddDays(Between(5, 30)));
            if (received <= _today)
            {
                AddReport(ReportKind.Abschlussbericht, c.ProviderId, c.Id, null, null, received);
            }
        }
    }

    private void AddReport(
        ReportKind kind, string organisationId, string? caseId, string? meetingId, string? period, DateOnly received)
    {
        if (kind == ReportKind.Leistungsbericht)
        {
            _leistungsberichte.Add((organisationId, received));
        }
        else if (kind == ReportKind.Nachweisblatt && caseId is not null && period is not null)
        {
            _nachweisblaetter.Add((caseId, period));
        }

        _tables["reports"].Add(
            ("report_id", NextRowId("R-", ref _reportNo)), ("kind", Codes.Of(kind)), ("organisation_id", organisationId),
            ("case_id", caseId), ("meeting_id", meetingId), ("period", period), ("received_date", received));
    }
}
