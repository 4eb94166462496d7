using System.Collections.Frozen;

namespace QeV.Domain.Calendar;

/// <summary>The holidays of one state in one year: the sorted list and the set of distinct dates.</summary>
internal sealed class HolidayYear
{
    private HolidayYear(IReadOnlyList<PublicHoliday> holidays, FrozenSet<DateOnly> dates)
    {
        Holidays = holidays;
        Dates = dates;
    }

    public IReadOnlyList<PublicHoliday> Holidays { get; }

    public FrozenSet<DateOnly> Dates { get; }

    public static HolidayYear Create(IEnumerable<PublicHoliday> holidays)
    {
        // OrderBy is stable, so two holidays on the same date keep their rule order.
        var sorted = holidays.OrderBy(h => h.Date).ToArray();
        return new HolidayYear(Array.AsReadOnly(sorted), sorted.Select(h => h.Date).ToFrozenSet());
    }
}
