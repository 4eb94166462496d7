using QeV.Domain.Facts;

namespace QeV.Demo;

/// <summary>Cases with their care-plan meetings, case reports and appointments.</summary>
internal sealed partial class DemoBuilder
{
    private static readonly string[] Hilfearten = ["31", "30", "41", "29", "35"];
    private static readonly int[] HilfeartWeights = [45, 25, 12, 10, 8];

    // Appointment runs relative to today (days, outcome). Earlier weeks of these cases are all attended.
    private static readonly (int Offset, AppointmentOutcome Outcome)[] RunThirdToday =
    [
        (-14, AppointmentOutcome.NoShow), (-7, AppointmentOutcome.CancelledByClientShortNotice),
        (0, AppointmentOutcome.NoShow), (7, AppointmentOutcome.Planned),
    ];

    private static readonly (int Offset, AppointmentOutcome Outcome)[] RunThirdThreeWeeksAgo =
    [
        (-35, AppointmentOutcome.NoShow), (-28, AppointmentOutcome.NoShow), (-21, AppointmentOutcome.NoShow),
        (-14, AppointmentOutcome.Attended), (-7, AppointmentOutcome.Attended), (7, AppointmentOutcome.Planned),
    ];

    // A fourth miss continues the same run: still one instance, due on the third.
    private static readonly (int Offset, AppointmentOutcome Outcome)[] RunOfFourEndingLastWeek =
    [
        (-12, AppointmentOutcome.CancelledByClientShortNotice), (-9, AppointmentOutcome.NoShow),
        (-5, AppointmentOutcome.NoShow), (-2, AppointmentOutcome.NoShow), (5, AppointmentOutcome.Planned),
    ];

    // The third is a short-notice cancellation the family already phoned in for tomorrow.
    private static readonly (int Offset, AppointmentOutcome Outcome)[] RunThirdTomorrow =
    [
        (-13, AppointmentOutcome.Attended), (-8, AppointmentOutcome.NoShow), (-1, AppointmentOutcome.NoShow),
        (1, AppointmentOutcome.CancelledByClientShortNotice), (8, AppointmentOutcome.Planned),
    ];

    private static readonly (int Offset, AppointmentOutcome Outcome)[] RunBrokenByAttended =
    [
        (-21, AppointmentOutcome.NoShow), (-14, AppointmentOutcome.NoShow), (-7, AppointmentOutcome.Attended),
        (-3, AppointmentOutcome.NoShow), (4, AppointmentOutcome.Planned),
    ];

    // cancelled_by_provider, an unrecorded "planned" and cancelled_by_client neither count nor end the run.
    private static readonly (int Offset, AppointmentOutcome Outcome)[] RunInterrupted =
    [
        (-24, AppointmentOutcome.NoShow), (-21, AppointmentOutcome.CancelledByProvider), (-17, AppointmentOutcome.NoShow),
        (-14, AppointmentOutcome.Planned), (-10, AppointmentOutcome.CancelledByClient),
        (-7, AppointmentOutcome.CancelledByClientShortNotice), (-3, AppointmentOutcome.Attended), (4, AppointmentOutcome.Planned),
    ];

    private enum Scenario
    {
        None,
        F01Overdue,
        F01Due,
        F01Upcoming,
        F01Fulfilled,
        F06ThirdToday,
        F06ThirdThreeWeeksAgo,
        F06RunOfFour,
        F06ThirdTomorrow,
        F06BrokenByAttended,
        F06Interrupted,
        InactiveKeyWorker,
    }

    private void BuildCases()
    {
        var scenarios = AssignScenarios();
        var caseManagers = Jugendamt.Fachkraefte.ToList();
        var managerTeamNo = Jugendamt.Teams
            .SelectMany((team, index) => team.Fachkraefte.Select(p => (p.Id, No: index + 1)))
            .ToDictionary(x => x.Id, x => x.No, StringComparer.Ordinal);
        var keyWorkers = _providers.ToDictionary(
            p => p.Id, p => p.Fachkraefte.Where(s => s.Active && !s.WithoutCertificate).ToList(), StringComparer.Ordinal);
        var providerWeights = ProviderPlans.Select(p => p.CaseWeight).ToList();
        var caseIdFormat = "D" + Math.Max(4, _caseCount.ToString(Invariant).Length).ToString(Invariant);
        var fileNumbers = new Dictionary<int, int>();

        for (var i = 0; i < _caseCount; i++)
        {
            var scenario = scenarios.GetValueOrDefault(i);
            var provider = scenario == Scenario.InactiveKeyWorker ? _providers[0] : PickWeighted(_providers, providerWeights);
            var keyWorker = scenario == Scenario.InactiveKeyWorker
                ? _inactiveKeyWorker ?? throw new InvalidOperationException("inaktive Fachkraft fehlt.")
                : Pick(keyWorkers[provider.Id]);
            var manager = Pick(caseManagers);
            var hilfeart = PickWeighted(Hilfearten, HilfeartWeights);
            var plannedFortschreibung = PlannedFortschreibungOf(scenario);
            var start = plannedFortschreibung is { } planned ? planned.AddMonths(-6 * Between(1, 3))
                : AppointmentRunOf(scenario) is not null ? _today.AddDays(-Between(120, 900))
                : _today.AddDays(-Between(30, 900));

            // About 5 % of all cases have ended (only ordinary ones that ran at least 200 days).
            DateOnly? end = null;
            var age = _today.DayNumber - start.DayNumber;
            if (scenario == Scenario.None && age >= 200 && Chance(0.065))
            {
                end = start.AddDays(Between(150, age - 1));
            }

            var info = new CaseInfo("C-" + (i + 1).ToString(caseIdFormat, Invariant), start, end, provider.Id, scenario);
            _caseInfos.Add(info);
            _caseManagers[info.Id] = manager.Id;
            _tables["cases"].Add(
                ("case_id", info.Id), ("file_reference", FileReference(managerTeamNo[manager.Id], start, fileNumbers)),
                ("hilfeart", hilfeart), ("start_date", start), ("end_date", end), ("case_manager_staff_id", manager.Id),
                ("provider_organisation_id", provider.Id), ("key_worker_staff_id", keyWorker.Id));

            BuildMeetings(info, plannedFortschreibung);
            BuildCaseReports(info);
            BuildAppointments(info);
        }
    }

    /// <summary>Each deliberate example goes to one random case (as far as there are cases).</summary>
    private Dictionary<int, Scenario> AssignScenarios()
    {
        var wanted = Enum.GetValues<Scenario>()
            .Where(s => s != Scenario.None && (s != Scenario.F01Due || IsBusinessDay(_today)))
            .ToList();
        var assigned = new Dictionary<int, Scenario>();
        foreach (var scenario in wanted.Take(_caseCount))
        {
            int index;
            do
            {
                index = _rng.Next(_caseCount);
            }
            while (assigned.ContainsKey(index));

            assigned[index] = scenario;
        }

        return assigned;
    }

    /// <summary>"51.2-0815/25": ASD team, running number of the start year, two-digit year; unique per case.</summary>
    private string FileReference(int teamNo, DateOnly start, Dictionary<int, int> lastNumberByYear)
    {
        var number = lastNumberByYear.TryGetValue(start.Year, out var last) ? last + Between(1, 4) : Between(101, 400);
        lastNumberByYear[start.Year] = number;
        return string.Create(Invariant, $"51.{teamNo}-{number:D4}/{start.Year % 100:D2}");
    }

    /// <summary>The date of the next (planned) Fortschreibung for the F01 examples, else null.</summary>
    private DateOnly? PlannedFortschreibungOf(Scenario scenario) => scenario switch
    {
        Scenario.F01Overdue => NextBusinessDay(_today.AddDays(Between(3, 8))),
        Scenario.F01Due => MeetingWithReportDueToday(),
        Scenario.F01Upcoming => NextBusinessDay(_today.AddDays(Between(40, 70))),
        Scenario.F01Fulfilled => NextBusinessDay(_today.AddDays(Between(15, 25))),
        _ => null,
    };

    /// <summary>A business day whose report deadline (14 days before, previous business day) is today.</summary>
    private DateOnly MeetingWithReportDueToday()
    {
        for (var date = _today.AddDays(14); date <= _today.AddDays(20); date = date.AddDays(1))
        {
            if (IsBusinessDay(date) && PreviousBusinessDay(date.AddDays(-14)) == _today)
            {
                return date;
            }
        }

        return _today.AddDays(14);
    }

    private static (int Offset, AppointmentOutcome Outcome)[]? AppointmentRunOf(Scenario scenario) => scenario switch
    {
        Scenario.F06ThirdToday => RunThirdToday,
        Scenario.F06ThirdThreeWeeksAgo => RunThirdThreeWeeksAgo,
        Scenario.F06RunOfFour => RunOfFourEndingLastWeek,
        Scenario.F06ThirdTomorrow => RunThirdTomorrow,
        Scenario.F06BrokenByAttended => RunBrokenByAttended,
        Scenario.F06Interrupted => RunInterrupted,
        _ => null,
    };

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

    /// <summary>Weekly on a fixed weekday for the last ten weeks and the next one; the examples follow their runs.</summary>
    private void BuildAppointments(CaseInfo c)
    {
        if (AppointmentRunOf(c.Scenario) is { } run)
        {
            for (var offset = -70; offset <= run[0].Offset - 5; offset += 7)
            {
                if (_today.AddDays(offset) >= c.Start)
                {
                    AddAppointment(c, _today.AddDays(offset), AppointmentOutcome.Attended);
                }
            }

            foreach (var (offset, outcome) in run)
            {
                AddAppointment(c, _today.AddDays(offset), outcome);
            }

            return;
        }

        var limit = c.End ?? DateOnly.MaxValue;
        var weekday = Between(0, 4);
        var monday = _today.AddDays(-(((int)_today.DayOfWeek + 6) % 7));
        for (var week = -10; week <= 1; week++)
        {
            var date = monday.AddDays((7 * week) + weekday);
            if (date < c.Start || date > limit || !IsBusinessDay(date))
            {
                continue;
            }

            AddAppointment(c, date, date >= _today ? AppointmentOutcome.Planned : RandomOutcome());
        }
    }

    private AppointmentOutcome RandomOutcome()
    {
        var roll = _rng.NextDouble();
        return roll switch
        {
            < 0.84 => AppointmentOutcome.Attended,
            < 0.89 => AppointmentOutcome.CancelledByClient,
            < 0.93 => AppointmentOutcome.CancelledByProvider,
            < 0.97 => AppointmentOutcome.NoShow,
            < 0.99 => AppointmentOutcome.CancelledByClientShortNotice,
            _ => AppointmentOutcome.Planned, // not yet recorded
        };
    }

    private void AddAppointment(CaseInfo c, DateOnly date, AppointmentOutcome outcome) =>
        _tables["appointments"].Add(
            ("appointment_id", NextRowId("A-", ref _appointmentNo)), ("case_id", c.Id), ("date", date),
            ("outcome", Codes.Of(outcome)));

    private sealed record CaseInfo(string Id, DateOnly Start, DateOnly? End, string ProviderId, Scenario Scenario);
}
