using System.Diagnostics.CodeAnalysis;

namespace QeV.Domain.Calendar;

/// <summary>
/// Business days in a Bundesland: Monday to Friday, except the state's statutory public holidays.
/// Stateless and thread-safe, so a single instance can be shared.
/// </summary>
[SuppressMessage(
    "Performance",
    "CA1822:Mark members as static",
    Justification = "Instance API so the calendar can be injected as a singleton service.")]
public sealed class BusinessCalendar
{
    /// <summary>Whether <paramref name="date"/> is a weekday and no public holiday in <paramref name="state"/>.</summary>
    public bool IsBusinessDay(DateOnly date, Bundesland state) =>
        !PublicHolidays.IsHoliday(state, date) && !IsWeekend(date);

    /// <summary>The date itself if it is a business day, else the next business day.</summary>
    public DateOnly OnOrAfter(DateOnly date, Bundesland state)
    {
        while (!IsBusinessDay(date, state))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The date itself if it is a business day, else the previous business day.</summary>
    public DateOnly OnOrBefore(DateOnly date, Bundesland state)
    {
        while (!IsBusinessDay(date, state))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>
    /// Moves <paramref name="days"/> business days forward (or backward if negative), stepping over
    /// weekends and holidays; 0 returns the date unchanged, Friday + 1 is Monday, Monday - 1 is Friday.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly date, int days, Bundesland state)
    {
        var step = Math.Sign(days);
        while (days != 0)
        {
            date = date.AddDays(step);
            if (IsBusinessDay(date, state))
            {
                days -= step;
            }
        }

        return date;
    }

    /// <summary>
    /// The number of business days d with <paramref name="from"/> &lt; d &lt;= <paramref name="to"/>;
    /// negative (and symmetric) if <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to, Bundesland state)
    {
        if (to < from)
        {
            return -BusinessDaysBetween(to, from, state);
        }

        var count = WeekdaysThrough(to) - WeekdaysThrough(from);
        for (var year = from.Year; year <= to.Year; year++)
        {
            count -= PublicHolidays.Get(state, year).Dates.Count(d => d > from && d <= to && !IsWeekend(d));
        }

        return count;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    // Weekdays in [0001-01-01, date]; day number 0 (0001-01-01) is a Monday.
    private static int WeekdaysThrough(DateOnly date)
    {
        var days = date.DayNumber + 1;
        return (days / 7 * 5) + Math.Min(days % 7, 5);
    }
}
