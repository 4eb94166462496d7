using QeV.Domain.Facts;

namespace QeV.Demo;

/// <summary>Cases: their scenarios, file references and the planned Fortschreibung (meetings and appointments in their own files).</summary>
internal sealed partial class DemoBuilder
{
    private static readonly string[] Hilfearten = ["31", "30", "41", "29", "35"];
    private static readonly int[] HilfeartWeights = [45, 25, 12, 10, 8];

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

    private sealed record CaseInfo(string Id, DateOnly Start, DateOnly? End, string ProviderId, Scenario Scenario);
}
