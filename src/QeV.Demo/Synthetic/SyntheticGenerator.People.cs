namespace QeV.Demo.Synthetic;

public sealed partial class SyntheticGenerator
{
    private string NewStaff(string organisation, string? teamId, string role, bool withCertificates, string? deputy = null)
    {
        var id = Id("S", ++_staffNo, 7);
        var employedSince = _rng.Next(30) == 0 ? _today.AddDays(-_rng.Next(0, 60)) : _today.AddDays(-_rng.Next(60, 15 * 365));
        DateOnly? absentFrom = null;
        DateOnly? absentUntil = null;
        if (_rng.Next(30) == 0)
        {
            absentFrom = _today.AddDays(-_rng.Next(0, 70));
            absentUntil = absentFrom.Value.AddDays(_rng.Next(5, 90));
        }

        Add(SyntheticTable.Staff, id, organisation, teamId, $"Fachkraft {id}", _rng.Next(50) == 0 ? null : $"{id.ToLowerInvariant()}@{organisation.ToLowerInvariant()}.example",
            role, _rng.Next(40) != 0, deputy, absentFrom, absentUntil, _rng.Next(10) == 0 ? null : employedSince);
        if (withCertificates)
        {
            Certificates(id, employedSince);
            if (role is "fachkraft" or "teamleitung")
            {
                Trainings(id);
            }
        }

        return id;
    }

    /// <summary>Certificates of every age: none for one in twenty, else up to three, five years apart.</summary>
    private void Certificates(string staffId, DateOnly employedSince)
    {
        if (_rng.Next(20) == 0)
        {
            return;
        }

        var latest = _today.AddDays(-_rng.Next(0, 6 * 365));
        var count = 1 + _rng.Next(3);
        for (var i = count - 1; i >= 0; i--)
        {
            var issued = latest.AddYears(-5 * i);
            if (i > 0 && issued < employedSince)
            {
                continue;
            }

            Add(SyntheticTable.Fuehrungszeugnisse, staffId, issued, _rng.Next(10) == 0 ? null : issued.AddDays(_rng.Next(0, 30)));
        }
    }

    /// <summary>Fortbildungen and supervision sessions of last year and this year up to today, on distinct days.</summary>
    private void Trainings(string staffId)
    {
        for (var year = _today.Year - 1; year <= _today.Year; year++)
        {
            var start = new DateOnly(year, 1, 2);
            var days = year == _today.Year ? _today.DayNumber - start.DayNumber : 360;
            if (days < 20)
            {
                continue;
            }

            Spread(staffId, start, days, "fortbildung", _rng.Next(0, 5), () => 240 + (60 * _rng.Next(5)));
            Spread(staffId, start.AddDays(1), days - 1, "supervision", _rng.Next(2, 10), () => 120);
        }
    }

    private void Spread(string staffId, DateOnly start, int days, string kind, int count, Func<int> minutes)
    {
        if (count == 0)
        {
            return;
        }

        // One session per slot of the year keeps (staff, date, kind) unique.
        var slot = days / count;
        for (var i = 0; i < count; i++)
        {
            Add(SyntheticTable.Trainings, staffId, start.AddDays((i * slot) + _rng.Next(Math.Max(1, slot))), kind, minutes());
        }
    }
}
