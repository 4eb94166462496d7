using QeV.Domain.Calendar;

namespace QeV.Domain.Tests.Calendar;

/// <summary>Number of statutory holidays per state and year, counted by hand from the state laws.</summary>
public sealed class PublicHolidayCountsTests
{
    [Theory]
    [InlineData(Bundesland.BW, 12, 12, 12, 12, 12, 12, 12, 13)]
    [InlineData(Bundesland.BY, 12, 12, 12, 12, 12, 12, 12, 13)]
    [InlineData(Bundesland.BE, 10, 11, 10, 10, 10, 10, 10, 10)]
    [InlineData(Bundesland.BB, 12, 12, 12, 12, 12, 12, 12, 12)]
    [InlineData(Bundesland.HB, 10, 10, 10, 10, 10, 10, 10, 10)]
    [InlineData(Bundesland.HH, 10, 10, 10, 10, 10, 10, 10, 10)]
    [InlineData(Bundesland.HE, 10, 10, 10, 10, 10, 10, 10, 11)]
    [InlineData(Bundesland.MV, 11, 11, 11, 11, 11, 11, 11, 10)]
    [InlineData(Bundesland.NI, 10, 10, 10, 10, 10, 10, 10, 10)]
    [InlineData(Bundesland.NW, 11, 11, 11, 11, 11, 11, 11, 12)]
    [InlineData(Bundesland.RP, 11, 11, 11, 11, 11, 11, 11, 12)]
    [InlineData(Bundesland.SL, 12, 12, 12, 12, 12, 12, 12, 13)]
    [InlineData(Bundesland.SN, 11, 11, 11, 11, 11, 11, 11, 11)]
    [InlineData(Bundesland.ST, 11, 11, 11, 11, 11, 11, 11, 11)]
    [InlineData(Bundesland.SH, 10, 10, 10, 10, 10, 10, 10, 10)]
    [InlineData(Bundesland.TH, 11, 11, 11, 11, 11, 11, 11, 10)]
    public void For_EachStateAndYear_HasStatutoryCount(
        Bundesland state, int y2024, int y2025, int y2026, int y2027, int y2028, int y2029, int y2030, int y2017)
    {
        int[] expected = [y2024, y2025, y2026, y2027, y2028, y2029, y2030, y2017];
        int[] years = [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2017];

        var actual = years.Select(year => PublicHolidays.For(state, year).Count).ToArray();

        actual.ShouldBe(expected);
    }
}
