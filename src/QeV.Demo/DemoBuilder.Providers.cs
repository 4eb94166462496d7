using QeV.Domain.Facts;

namespace QeV.Demo;

/// <summary>Führungszeugnisse, agreements and provider reports, AG § 78 sessions, trainings.</summary>
internal sealed partial class DemoBuilder
{
    private static readonly string[] Ag78Topics =
    [
        "Kinderschutz nach § 8a SGB VIII – Vereinbarungen mit den Trägern",
        "Fachkräftegebot, Fortbildung und Supervision",
        "Auswertung der Leistungsberichte",
        "Überprüfung der Qualitätsstandards ambulanter Hilfen zur Erziehung",
    ];

    private static readonly int[] FortbildungMinutes = [240, 360, 480, 480, 960];

    /// <summary>
    /// Jugendamt staff get a start date; provider staff one or two certificates (the latest 1–5 years old, a few
    /// older) and a start date shortly after the first. Examples: overdue, due today, within 90 days.
    /// </summary>
    private void PlanFuehrungszeugnisse()
    {
        foreach (var person in _staff.Where(p => p.OrganisationId == JugendamtId))
        {
            person.EmployedSince = _today.AddDays(-(person.Role == StaffRole.Fachkraft ? Between(365, 9000) : Between(2500, 9000)));
        }

        var overdue = _providers[1].Teams[0].Lead;
        var upcoming = _providers[0].Personal;
        Person? dueToday = null;
        var dueTodayIssued = _today;
        if (RenewalIssuedFiveYearsBeforeToday() is { } issued)
        {
            dueToday = Ordinary(_providers[2].Teams[1]);
            dueTodayIssued = issued;
        }

        foreach (var person in _staff.Where(p => p.OrganisationId != JugendamtId && !p.WithoutCertificate))
        {
            var latest = person == overdue ? _today.AddYears(-5).AddDays(-Between(20, 200))
                : person == upcoming ? _today.AddYears(-5).AddDays(Between(15, 80))
                : person == dueToday ? dueTodayIssued
                : _today.AddDays(-Between(365, 1900));
            // Leads and HR have mostly been there longer than one certificate period.
            DateOnly[] certificates = Chance(person.Role == StaffRole.Fachkraft ? 0.4 : 0.8) ? [latest.AddYears(-5).AddDays(-Between(0, 120)), latest] : [latest];
            person.EmployedSince = Min(certificates[0].AddDays(Between(7, 60)), _today);
            foreach (var issuedDate in certificates)
            {
                DateOnly? presented = Chance(0.9) ? Min(issuedDate.AddDays(Between(2, 21)), _today) : null;
                _tables["fuehrungszeugnisse"].Add(("staff_id", person.Id), ("issued_date", issuedDate), ("presented_date", presented));
            }
        }
    }

    /// <summary>An issue date whose renewal (five years on, previous business day) falls on today, if there is one.</summary>
    private DateOnly? RenewalIssuedFiveYearsBeforeToday()
    {
        if (!IsBusinessDay(_today))
        {
            return null;
        }

        for (var days = 0; days <= 6; days++)
        {
            var issued = _today.AddYears(-5).AddDays(days);
            if (PreviousBusinessDay(issued.AddYears(5)) == _today)
            {
                return issued;
            }
        }

        return null;
    }

    /// <summary>
    /// One QEV per provider, dated so that the Leistungsbericht (F07) is overdue for the first, due today (or the next
    /// business day) for the second, due within 90 days for the third and later for the fourth; one LEQ agreement;
    /// a Leistungsbeschreibung per provider.
    /// </summary>
    private void BuildAgreementsAndProviderReports()
    {
        var (elbe, boerde, sudenburg, domplatz) = (_providers[0], _providers[1], _providers[2], _providers[3]);

        // Second period overdue: one report came in after the first two years, the next one is missing.
        var elbeConcluded = _today.AddYears(-4).AddDays(-Between(30, 120));
        AddReport(ReportKind.Leistungsbericht, elbe.Id, null, null, Period(elbeConcluded),
            NextBusinessDay(elbeConcluded.AddYears(2).AddDays(Between(-25, 30))));

        var boerdeDue = NextBusinessDay(_today);
        var boerdeConcluded = ConcludedForDue(boerdeDue, 4);
        AddReport(ReportKind.Leistungsbericht, boerde.Id, null, null, Period(boerdeConcluded),
            NextBusinessDay(boerdeConcluded.AddYears(2).AddDays(Between(5, 40))));

        // The report under the previous QEV came before the current one was concluded and does not count.
        var sudenburgConcluded = _today.AddDays(Between(20, 80)).AddYears(-2);
        AddReport(ReportKind.Leistungsbericht, sudenburg.Id, null, null, Period(sudenburgConcluded.AddYears(-2)),
            PreviousBusinessDay(sudenburgConcluded.AddDays(-Between(100, 300))));

        var domplatzConcluded = _today.AddDays(-Between(200, 500));

        AddAgreement("V-01", elbe, AgreementKind.Qev, elbeConcluded, PreviousBusinessDay(_today.AddDays(-Between(5, 20))));
        AddAgreement("V-02", boerde, AgreementKind.Qev, boerdeConcluded, NextBusinessDay(_today.AddDays(Between(20, 120))));
        AddAgreement("V-03", sudenburg, AgreementKind.Qev, sudenburgConcluded, NextBusinessDay(_today.AddDays(Between(60, 200))));
        AddAgreement("V-04", domplatz, AgreementKind.Qev, domplatzConcluded, NextBusinessDay(_today.AddDays(Between(100, 300))));
        AddAgreement("V-05", sudenburg, AgreementKind.Leq, _today.AddDays(-Between(100, 400)), NextBusinessDay(_today.AddDays(Between(30, 150))));

        foreach (var provider in _providers)
        {
            AddReport(ReportKind.Leistungsbeschreibung, provider.Id, null, null, null,
                PreviousBusinessDay(_today.AddDays(-Between(200, 1300))));
        }
    }

    /// <summary>A concluded date whose F07 due date (years on, next business day) is exactly <paramref name="due"/>.</summary>
    private DateOnly ConcludedForDue(DateOnly due, int years)
    {
        for (var days = 0; days <= 7; days++)
        {
            var concluded = due.AddYears(-years).AddDays(-days);
            if (NextBusinessDay(concluded.AddYears(years)) == due)
            {
                return concluded;
            }
        }

        return due.AddYears(-years);
    }

    /// <summary>Valid three years (extended by two when that has passed); the next Qualitätsdialog as given.</summary>
    private void AddAgreement(string id, Org provider, AgreementKind kind, DateOnly concluded, DateOnly nextDialogue)
    {
        var validUntil = concluded.AddYears(3).AddDays(-1);
        if (validUntil < _today)
        {
            validUntil = concluded.AddYears(5).AddDays(-1);
        }

        _tables["agreements"].Add(
            ("agreement_id", id), ("provider_organisation_id", provider.Id), ("kind", Codes.Of(kind)),
            ("concluded_date", concluded), ("valid_until", validUntil), ("next_dialogue_date", nextDialogue));
    }

    private static string Period(DateOnly from) =>
        string.Create(Invariant, $"{from.Year:D4}-{from.Year + 1:D4}");

    /// <summary>Four sessions about a year apart; the latest a little less than three years ago (F09 upcoming).</summary>
    private void BuildAg78Sessions()
    {
        var dates = new List<DateOnly> { PreviousBusinessDay(_today.AddYears(-3).AddDays(Between(30, 80))) };
        while (dates.Count < Ag78Topics.Length)
        {
            dates.Insert(0, PreviousBusinessDay(dates[0].AddDays(-Between(300, 450))));
        }

        for (var i = 0; i < dates.Count; i++)
        {
            _tables["ag78_sessions"].Add(
                ("session_id", string.Create(Invariant, $"AG78-{i + 1:D2}")), ("organisation_id", JugendamtId),
                ("date", dates[i]), ("topic", Ag78Topics[i]));
        }
    }

    /// <summary>
    /// This calendar year up to today: monthly team supervision (120 minutes) for the providers' Fachkräfte, and a few
    /// Fortbildungen for them and for the Jugendamt's Fachkräfte.
    /// </summary>
    private void BuildTrainings()
    {
        var seen = new HashSet<(string, DateOnly, TrainingKind)>();
        var newYear = new DateOnly(_today.Year, 1, 1);

        void Add(Person person, DateOnly date, TrainingKind kind, int minutes)
        {
            if (date <= _today && date >= (person.EmployedSince ?? newYear) && seen.Add((person.Id, date, kind)))
            {
                _tables["trainings"].Add(("staff_id", person.Id), ("date", date), ("kind", Codes.Of(kind)), ("minutes", minutes));
            }
        }

        foreach (var team in _providers.SelectMany(p => p.Teams))
        {
            var members = team.Fachkraefte.Where(p => p.Active && !p.WithoutCertificate).ToList();
            for (var month = newYear; month <= _today; month = month.AddMonths(1))
            {
                var date = month.AddDays(Between(0, DateTime.DaysInMonth(month.Year, month.Month) - 1));
                if (!IsBusinessDay(date))
                {
                    continue;
                }

                foreach (var member in members)
                {
                    if (Chance(0.85))
                    {
                        Add(member, date, TrainingKind.Supervision, Chance(0.1) ? 90 : 120);
                    }
                }
            }
        }

        foreach (var person in _providers.Prepend(Jugendamt).SelectMany(o => o.Fachkraefte).Where(p => p.Active))
        {
            for (var n = Between(0, 3); n > 0; n--)
            {
                var date = newYear.AddDays(_rng.Next(_today.DayOfYear));
                if (IsBusinessDay(date))
                {
                    Add(person, date, TrainingKind.Fortbildung, Pick(FortbildungMinutes));
                }
            }
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
