using System.Collections.Concurrent;

namespace QeV.Domain.Calendar;

/// <summary>Statutory, state-wide German public holidays per Bundesland; results are cached per state and year.</summary>
public static class PublicHolidays
{
    private static readonly ConcurrentDictionary<(Bundesland State, int Year), HolidayYear> Cache = new();

    /// <summary>The holidays of <paramref name="state"/> in <paramref name="year"/>, sorted by date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown state or year outside 1583..9999.</exception>
    public static IReadOnlyList<PublicHoliday> For(Bundesland state, int year) => Get(state, year).Holidays;

    /// <summary>Whether <paramref name="date"/> is a public holiday in <paramref name="state"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown state or year outside 1583..9999.</exception>
    public static bool IsHoliday(Bundesland state, DateOnly date) => Get(state, date.Year).Dates.Contains(date);

    internal static HolidayYear Get(Bundesland state, int year)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown Bundesland.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(year, EasterSunday.MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, EasterSunday.MaxYear);
        return Cache.GetOrAdd((state, year), static key => HolidayYear.Create(HolidayRules.For(key.State, key.Year)));
    }
}
