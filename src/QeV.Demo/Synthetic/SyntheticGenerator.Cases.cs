using System.Globalization;

namespace QeV.Demo.Synthetic;

public sealed partial class SyntheticGenerator
{
    private void GenerateCase(string caseManager, string? keyWorker, string? provider)
    {
        var caseId = Id("C", ++_caseNo, 8);
        var start = _today.AddDays(-_rng.Next(0, 3 * 365));
        DateOnly? end = _rng.Next(10) == 0 ? Min(start.AddDays(_rng.Next(90, 720)), _today.AddDays(-1)) : null;
        if (end < start)
        {
            end = null;
        }

        Add(SyntheticTable.Cases, caseId, $"51.2-{_caseNo:D7}/{start.Year % 100:D2}", Hilfearten[_rng.Next(Hilfearten.Length)], start, end,
            caseManager, provider, keyWorker, _rng.Next(33) == 0);
        Meetings(caseId, start, end, provider);
        if (provider is not null)
        {
            Appointments(caseId, start, end);
            Nachweisblaetter(caseId, start, provider);
        }

        HomeVisits(caseId, start, caseManager);
    }

    /// <summary>The initial meeting, its Konkretisierung, and six-monthly Fortschreibungen, the next one planned.</summary>
    private void Meetings(string caseId, DateOnly start, DateOnly? end, string? provider)
    {
        var initial = start.AddDays(_rng.Next(21, 42));
        Meeting(caseId, "initial", initial, provider, end);
        if (_rng.Next(10) != 0)
        {
            Meeting(caseId, "konkretisierung", initial.AddDays(_rng.Next(42, 57)), provider, end);
        }

        for (var next = start.AddMonths(6).AddDays(_rng.Next(-10, 11)); ; next = next.AddMonths(6).AddDays(_rng.Next(-10, 11)))
        {
            if (end is not null && next > end)
            {
                break;
            }

            var planned = next > _today;
            Meeting(caseId, "fortschreibung", next, provider, end);
            if (planned)
            {
                break;
            }
        }
    }

    private void Meeting(string caseId, string kind, DateOnly date, string? provider, DateOnly? end)
    {
        var meetingId = Id("M", ++_meetingNo, 9);
        var past = date <= _today;
        if (!past && end is not null)
        {
            return;
        }

        var status = !past ? "planned" : _rng.Next(20) == 0 ? "cancelled" : "held";
        var held = status == "held";
        Add(SyntheticTable.Meetings, meetingId, caseId, kind, date, status,
            held && _rng.Next(5) != 0 ? Min(date.AddDays(_rng.Next(3, 21)), _today) : null,
            held && _rng.Next(5) != 0 ? Min(date.AddDays(_rng.Next(5, 21)), _today) : null);

        // Entwicklungsbericht two weeks ahead: most arrive, some late, some never; many tied to the meeting.
        if (kind == "fortschreibung" && provider is not null && status != "cancelled" && _rng.Next(100) < 85)
        {
            var received = date.AddDays(-_rng.Next(-5, 25));
            if (received <= _today)
            {
                Add(SyntheticTable.Reports, Id("R", ++_reportNo, 9), "entwicklungsbericht", provider, caseId,
                    _rng.Next(10) < 6 ? meetingId : null, null, received);
            }
        }
    }

    /// <summary>Weekly appointments over the last 12 weeks and the next two; one case in ten is drifting away.</summary>
    private void Appointments(string caseId, DateOnly start, DateOnly? end)
    {
        var drifting = _rng.Next(10) == 0;
        for (var week = -12; week <= 2; week++)
        {
            var date = _today.AddDays((7 * week) + _rng.Next(-2, 3));
            if (date < start || (end is not null && date > end))
            {
                continue;
            }

            var outcome = date > _today ? "planned" : Outcome(drifting ? 45 : 7);
            Add(SyntheticTable.Appointments, Id("A", ++_appointmentNo, 10), caseId, date, outcome);
        }
    }

    private string Outcome(int missPercent)
    {
        var roll = _rng.Next(100);
        if (roll < missPercent)
        {
            return _rng.Next(3) == 0 ? "cancelled_by_client_short_notice" : "no_show";
        }

        return roll < missPercent + 5 ? "cancelled_by_client" : roll < missPercent + 8 ? "cancelled_by_provider" : "attended";
    }

    /// <summary>Monthly Nachweisblätter of the last six months; one in ten missing.</summary>
    private void Nachweisblaetter(string caseId, DateOnly start, string provider)
    {
        for (var back = 6; back >= 1; back--)
        {
            var month = new DateOnly(_today.Year, _today.Month, 1).AddMonths(-back);
            var received = month.AddMonths(1).AddDays(_rng.Next(0, 40));
            if (month < new DateOnly(start.Year, start.Month, 1) || received > _today || _rng.Next(10) == 0)
            {
                continue;
            }

            Add(SyntheticTable.Reports, Id("R", ++_reportNo, 9), "nachweisblatt", provider, caseId, null,
                month.ToString("yyyy-MM", CultureInfo.InvariantCulture), received);
        }
    }

    /// <summary>Zero to three home visits by the case manager in the last fifteen months.</summary>
    private void HomeVisits(string caseId, DateOnly start, string caseManager)
    {
        var count = _rng.Next(4);
        for (var i = 0; i < count; i++)
        {
            var date = _today.AddDays(-_rng.Next(0, 450));
            if (date >= start)
            {
                Add(SyntheticTable.HomeVisits, Id("V", ++_visitNo, 9), caseId, caseManager, date);
            }
        }
    }
}
