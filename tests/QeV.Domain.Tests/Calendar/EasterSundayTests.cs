using System.Globalization;
using QeV.Domain.Calendar;

namespace QeV.Domain.Tests.Calendar;

public sealed class EasterSundayTests
{
    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(1583, "1583-04-10")]
    [InlineData(1818, "1818-03-22")]
    [InlineData(1943, "1943-04-25")]
    [InlineData(1961, "1961-04-02")]
    [InlineData(1999, "1999-04-04")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    [InlineData(4099, "4099-04-19")]
    [InlineData(9999, "9999-03-28")]
    public void For_Year_ReturnsPublishedDate(int year, string expected)
    {
        EasterSunday.For(year).ShouldBe(DateOnly.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void For_EveryGregorianYear_IsSundayBetween22MarchAnd25April()
    {
        for (var year = EasterSunday.MinYear; year <= EasterSunday.MaxYear; year++)
        {
            var easter = EasterSunday.For(year);

            easter.DayOfWeek.ShouldBe(DayOfWeek.Sunday);
            easter.ShouldBeInRange(new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(0)]
    [InlineData(10000)]
    public void For_YearOutsideGregorianRange_Throws(int year)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => EasterSunday.For(year));
    }
}
