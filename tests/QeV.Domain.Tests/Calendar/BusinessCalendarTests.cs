using System.Globalization;
using QeV.Domain.Calendar;

namespace QeV.Domain.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private readonly BusinessCalendar _calendar = new();

    [Theory]
    [InlineData("2026-03-06", Bundesland.ST, true)] // Friday
    [InlineData("2026-03-07", Bundesland.ST, false)] // Saturday
    [InlineData("2026-03-08", Bundesland.ST, false)] // Sunday
    [InlineData("2026-04-03", Bundesland.NI, false)] // Karfreitag
    [InlineData("2026-04-06", Bundesland.NI, false)] // Ostermontag
    [InlineData("2026-04-07", Bundesland.NI, true)]
    [InlineData("2024-10-31", Bundesland.ST, false)] // Reformationstag, Thursday
    [InlineData("2024-10-31", Bundesland.RP, true)]
    [InlineData("2024-11-01", Bundesland.RP, false)] // Allerheiligen, Friday
    [InlineData("2024-11-01", Bundesland.ST, true)]
    [InlineData("2026-06-04", Bundesland.NW, false)] // Fronleichnam, Thursday
    [InlineData("2026-06-04", Bundesland.ST, true)]
    [InlineData("2026-12-24", Bundesland.BY, true)] // Heiligabend is no statutory holiday
    [InlineData("2026-12-25", Bundesland.BY, false)]
    public void IsBusinessDay_Date_ReflectsWeekendsAndStateHolidays(string date, Bundesland state, bool expected)
    {
        _calendar.IsBusinessDay(Day(date), state).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-03-06", Bundesland.ST, "2026-03-06")] // business day stays
    [InlineData("2026-03-07", Bundesland.ST, "2026-03-09")] // Saturday -> Monday
    [InlineData("2026-04-03", Bundesland.ST, "2026-04-07")] // Karfreitag -> Tuesday after Easter
    [InlineData("2025-12-25", Bundesland.BY, "2025-12-29")] // Christmas Thursday/Friday -> Monday
    [InlineData("2024-10-31", Bundesland.ST, "2024-11-01")]
    [InlineData("2024-10-31", Bundesland.RP, "2024-10-31")]
    [InlineData("2024-11-01", Bundesland.RP, "2024-11-04")]
    [InlineData("2026-06-04", Bundesland.BY, "2026-06-05")]
    public void OnOrAfter_Date_ReturnsSameOrNextBusinessDay(string date, Bundesland state, string expected)
    {
        _calendar.OnOrAfter(Day(date), state).ShouldBe(Day(expected));
    }

    [Theory]
    [InlineData("2026-03-06", Bundesland.ST, "2026-03-06")]
    [InlineData("2026-03-08", Bundesland.ST, "2026-03-06")] // Sunday -> Friday
    [InlineData("2026-04-06", Bundesland.ST, "2026-04-02")] // Ostermontag -> Thursday before Easter
    [InlineData("2026-12-27", Bundesland.SN, "2026-12-24")]
    [InlineData("2026-01-01", Bundesland.SN, "2025-12-31")] // across the year boundary
    [InlineData("2024-11-01", Bundesland.RP, "2024-10-31")]
    [InlineData("2024-11-01", Bundesland.ST, "2024-11-01")]
    [InlineData("2024-10-31", Bundesland.ST, "2024-10-30")]
    public void OnOrBefore_Date_ReturnsSameOrPreviousBusinessDay(string date, Bundesland state, string expected)
    {
        _calendar.OnOrBefore(Day(date), state).ShouldBe(Day(expected));
    }

    [Theory]
    [InlineData("2026-03-06", 1, Bundesland.ST, "2026-03-09")] // Friday + 1 = Monday
    [InlineData("2026-03-09", -1, Bundesland.ST, "2026-03-06")] // Monday - 1 = Friday
    [InlineData("2026-03-07", 0, Bundesland.ST, "2026-03-07")] // 0 leaves even a Saturday unchanged
    [InlineData("2026-03-07", 1, Bundesland.ST, "2026-03-09")]
    [InlineData("2026-03-07", -1, Bundesland.ST, "2026-03-06")]
    [InlineData("2026-04-02", 1, Bundesland.HE, "2026-04-07")] // over Easter
    [InlineData("2026-04-07", -1, Bundesland.HE, "2026-04-02")]
    [InlineData("2026-12-23", 2, Bundesland.BW, "2026-12-28")] // over Christmas
    [InlineData("2025-12-23", 5, Bundesland.BY, "2026-01-02")] // over Christmas and Neujahr
    [InlineData("2026-01-02", -5, Bundesland.BY, "2025-12-23")]
    [InlineData("2024-10-30", 1, Bundesland.ST, "2024-11-01")] // skips Reformationstag
    [InlineData("2024-10-30", 1, Bundesland.RP, "2024-10-31")]
    [InlineData("2024-10-30", 2, Bundesland.RP, "2024-11-04")] // skips Allerheiligen
    [InlineData("2024-11-04", -2, Bundesland.ST, "2024-10-30")]
    [InlineData("2026-06-03", 1, Bundesland.RP, "2026-06-05")] // skips Fronleichnam
    [InlineData("2026-06-03", 1, Bundesland.SN, "2026-06-04")]
    public void AddBusinessDays_Offset_CountsBusinessDaysOnly(string date, int days, Bundesland state, string expected)
    {
        _calendar.AddBusinessDays(Day(date), days, state).ShouldBe(Day(expected));
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
