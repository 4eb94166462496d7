using System.Globalization;
using QeV.Domain.Calendar;

namespace QeV.Domain.Tests.Calendar;

public sealed class BusinessDaysBetweenTests
{
    private readonly BusinessCalendar _calendar = new();

    [Theory]
    [InlineData("2026-03-06", "2026-03-06", Bundesland.ST, 0)]
    [InlineData("2026-03-06", "2026-03-09", Bundesland.ST, 1)] // Friday -> Monday
    [InlineData("2026-03-07", "2026-03-08", Bundesland.ST, 0)] // weekend only
    [InlineData("2026-04-02", "2026-04-07", Bundesland.ST, 1)] // over Easter
    [InlineData("2026-04-03", "2026-04-07", Bundesland.ST, 1)] // from a holiday: excluded
    [InlineData("2026-04-02", "2026-04-06", Bundesland.ST, 0)] // to a holiday: not counted
    [InlineData("2025-12-23", "2026-01-02", Bundesland.BY, 5)]
    [InlineData("2024-10-28", "2024-11-04", Bundesland.ST, 4)] // Reformationstag
    [InlineData("2024-10-28", "2024-11-04", Bundesland.RP, 4)] // Allerheiligen
    [InlineData("2024-10-28", "2024-11-04", Bundesland.BE, 5)]
    [InlineData("2024-10-28", "2024-11-04", Bundesland.SL, 4)]
    [InlineData("2026-06-01", "2026-06-05", Bundesland.NW, 3)] // Fronleichnam
    [InlineData("2026-06-01", "2026-06-05", Bundesland.TH, 4)]
    [InlineData("2025-12-31", "2026-12-31", Bundesland.ST, 253)]
    [InlineData("2025-12-31", "2026-12-31", Bundesland.RP, 253)]
    [InlineData("2025-12-31", "2026-12-31", Bundesland.SN, 253)] // Reformationstag is a Saturday
    [InlineData("2025-12-31", "2026-12-31", Bundesland.BE, 254)] // Frauentag is a Sunday
    [InlineData("2026-03-09", "2026-03-06", Bundesland.ST, -1)]
    [InlineData("2026-04-07", "2026-04-02", Bundesland.ST, -1)]
    [InlineData("2026-04-07", "2026-04-03", Bundesland.ST, -1)]
    [InlineData("2026-01-02", "2025-12-23", Bundesland.BY, -5)]
    public void BusinessDaysBetween_Range_CountsBusinessDaysAfterFromUpToTo(
        string from, string to, Bundesland state, int expected)
    {
        _calendar.BusinessDaysBetween(Day(from), Day(to), state).ShouldBe(expected);
    }

    [Theory]
    [InlineData(Bundesland.ST)]
    [InlineData(Bundesland.BY)]
    [InlineData(Bundesland.BE)]
    [InlineData(Bundesland.SN)]
    public void BusinessDaysBetween_AnyRange_MatchesDayByDayCountAndIsSymmetric(Bundesland state)
    {
        // Given start dates from 20 Dec 2024 through Christmas and Neujahr into 2025
        for (var start = Day("2024-12-20"); start <= Day("2025-01-08"); start = start.AddDays(1))
        {
            for (var length = 0; length < 400; length += 13)
            {
                var to = start.AddDays(length);
                var dayByDay = Enumerable.Range(1, length).Count(i => _calendar.IsBusinessDay(start.AddDays(i), state));

                // When / Then
                _calendar.BusinessDaysBetween(start, to, state).ShouldBe(dayByDay);
                _calendar.BusinessDaysBetween(to, start, state).ShouldBe(-dayByDay);
            }
        }
    }

    [Theory]
    [InlineData(Bundesland.RP)]
    [InlineData(Bundesland.MV)]
    public void AddBusinessDays_FromBusinessDay_IsInverseOfBusinessDaysBetween(Bundesland state)
    {
        // Given
        var start = _calendar.OnOrAfter(Day("2026-03-30"), state);

        for (var days = -40; days <= 40; days++)
        {
            // When
            var end = _calendar.AddBusinessDays(start, days, state);

            // Then
            _calendar.IsBusinessDay(end, state).ShouldBeTrue();
            _calendar.BusinessDaysBetween(start, end, state).ShouldBe(days);
        }
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
