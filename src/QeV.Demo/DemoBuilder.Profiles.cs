using QeV.Domain.Facts;

namespace QeV.Demo;

/// <summary>
/// Facts for the rest of the catalogue: last year's trainings (F13, F14), Nachweisblätter for every running case
/// (F16), the case managers' home visits (F15) and the Trägergespräche after each Leistungsbericht (F08).
/// </summary>
internal sealed partial class DemoBuilder
{
    /// <summary>Last calendar year: most Fachkräfte and team leads of the providers reached the minimum, about one in ten did not.</summary>
    private void BuildPreviousYearTrainings()
    {
        var year = _today.Year - 1;
        var people = _providers.SelectMany(o => o.Teams).SelectMany(t => t.Fachkraefte.Prepend(t.Lead))
            .Where(p => p.Active && (p.EmployedSince is not { } since || since.Year <= year));
        foreach (var person in people)
        {
            var behind = Chance(0.1);
            var from = person.EmployedSince is { } employed && employed.Year == year ? employed : new DateOnly(year, 1, 1);
            for (var month = 1; month <= 12; month++)
            {
                var date = NextBusinessDay(new DateOnly(year, month, Between(5, 20)));
                if (date >= from && date.Year == year && (behind ? month % 3 == 0 : Chance(0.9)))
                {
                    AddTraining(person, date, TrainingKind.Supervision, 120);
                }
            }

            var fortbildungen = behind ? 1 : 2;
            for (var n = 0; n < fortbildungen; n++)
            {
                var date = NextBusinessDay(new DateOnly(year, 3 + (5 * n), Between(1, 25)));
                if (date >= from && date.Year == year)
                {
                    AddTraining(person, date, TrainingKind.Fortbildung, behind ? 240 : 480);
                }
            }
        }
    }

    private void AddTraining(Person person, DateOnly date, TrainingKind kind, int minutes) =>
        _tables["trainings"].Add(("staff_id", person.Id), ("date", date), ("kind", Codes.Of(kind)), ("minutes", minutes));

    /// <summary>The last twelve months' Nachweisblätter of every case that had none yet; a few are missing (F16 overdue).</summary>
    private void BuildNachweisblaetter()
    {
        var thisMonth = new DateOnly(_today.Year, _today.Month, 1);
        foreach (var c in _caseInfos)
        {
            var startMonth = new DateOnly(c.Start.Year, c.Start.Month, 1);
            for (var back = 12; back >= 1; back--)
            {
                var month = thisMonth.AddMonths(-back);
                var period = string.Create(Invariant, $"{month.Year:D4}-{month.Month:D2}");
                if (month < startMonth || (c.End is { } end && month > end) || _nachweisblaetter.Contains((c.Id, period)) || Chance(0.01))
                {
                    continue;
                }

                var received = NextBusinessDay(month.AddMonths(1).AddDays(Between(2, 12)));
                if (received <= _today)
                {
                    AddReport(ReportKind.Nachweisblatt, c.ProviderId, c.Id, null, period, received);
                }
            }
        }
    }

    /// <summary>Two (sometimes three) home visits per help year; in a few running cases the second is still missing (F15).</summary>
    private void BuildHomeVisits()
    {
        foreach (var c in _caseInfos)
        {
            var lastDay = c.End is { } end && end < _today ? end : _today;
            var secondMissing = c.End is null && Chance(0.08);
            for (var yearStart = c.Start; yearStart <= lastDay; yearStart = yearStart.AddYears(1))
            {
                var current = yearStart.AddYears(1) > lastDay;
                var dates = new List<DateOnly> { NextBusinessDay(yearStart.AddDays(Between(20, 150))) };
                if (!(current && secondMissing))
                {
                    dates.Add(NextBusinessDay(yearStart.AddDays(Between(180, 340))));
                }

                if (Chance(0.3))
                {
                    dates.Add(NextBusinessDay(yearStart.AddDays(Between(160, 175))));
                }

                foreach (var date in dates.Where(d => d <= lastDay))
                {
                    _tables["home_visits"].Add(
                        ("visit_id", NextRowId("HB-", ref _visitNo)), ("case_id", c.Id), ("staff_id", _caseManagers[c.Id]), ("date", date));
                }
            }
        }
    }

    /// <summary>A Trägergespräch four to ten weeks after each Leistungsbericht (F08); one still ahead is planned.</summary>
    private void BuildProviderDialogues()
    {
        var no = 0;
        foreach (var (providerId, received) in _leistungsberichte.OrderBy(r => r.Received))
        {
            _tables["provider_dialogues"].Add(
                ("dialogue_id", string.Create(Invariant, $"TG-{++no:D2}")), ("provider_organisation_id", providerId),
                ("date", NextBusinessDay(received.AddDays(Between(28, 70)))), ("topic", "Trägergespräch zum Leistungsbericht"));
        }
    }
}
