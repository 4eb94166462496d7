using System.Globalization;
using QeV.Domain.Calendar;

namespace QeV.Domain.Tests.Calendar;

public sealed class PublicHolidaysTests
{
    [Fact]
    public void For_Saarland2026_ReturnsGermanNamesInDateOrder()
    {
        // When
        var holidays = PublicHolidays.For(Bundesland.SL, 2026);

        // Then
        holidays.ShouldBe(
        [
            Holiday("2026-01-01", "Neujahr"),
            Holiday("2026-04-03", "Karfreitag"),
            Holiday("2026-04-06", "Ostermontag"),
            Holiday("2026-05-01", "Tag der Arbeit"),
            Holiday("2026-05-14", "Christi Himmelfahrt"),
            Holiday("2026-05-25", "Pfingstmontag"),
            Holiday("2026-06-04", "Fronleichnam"),
            Holiday("2026-08-15", "Mariä Himmelfahrt"),
            Holiday("2026-10-03", "Tag der Deutschen Einheit"),
            Holiday("2026-11-01", "Allerheiligen"),
            Holiday("2026-12-25", "1. Weihnachtstag"),
            Holiday("2026-12-26", "2. Weihnachtstag"),
        ]);
    }

    [Theory]
    [InlineData(Bundesland.ST, "2026-01-06", "Heilige Drei Könige")]
    [InlineData(Bundesland.BE, "2026-03-08", "Internationaler Frauentag")]
    [InlineData(Bundesland.BE, "2025-05-08", "Tag der Befreiung")]
    [InlineData(Bundesland.BB, "2026-04-05", "Ostersonntag")]
    [InlineData(Bundesland.BB, "2026-05-24", "Pfingstsonntag")]
    [InlineData(Bundesland.TH, "2026-09-20", "Weltkindertag")]
    [InlineData(Bundesland.SN, "2026-10-31", "Reformationstag")]
    [InlineData(Bundesland.SN, "2026-11-18", "Buß- und Bettag")]
    public void For_StateSpecificHoliday_HasGermanName(Bundesland state, string date, string name)
    {
        PublicHolidays.For(state, Day(date).Year).ShouldContain(Holiday(date, name));
    }

    [Theory]
    [InlineData(Bundesland.BW, "2026-01-06", true)]
    [InlineData(Bundesland.BY, "2026-01-06", true)]
    [InlineData(Bundesland.NW, "2026-01-06", false)]
    [InlineData(Bundesland.BE, "2019-03-08", true)]
    [InlineData(Bundesland.BE, "2018-03-08", false)]
    [InlineData(Bundesland.MV, "2023-03-08", true)]
    [InlineData(Bundesland.MV, "2022-03-08", false)]
    [InlineData(Bundesland.HH, "2026-03-08", false)]
    [InlineData(Bundesland.BE, "2020-05-08", true)]
    [InlineData(Bundesland.BE, "2024-05-08", false)]
    [InlineData(Bundesland.BE, "2030-05-08", false)]
    [InlineData(Bundesland.BB, "2025-05-08", false)]
    [InlineData(Bundesland.HE, "2026-06-04", true)]
    [InlineData(Bundesland.SN, "2026-06-04", false)]
    [InlineData(Bundesland.TH, "2026-06-04", false)]
    [InlineData(Bundesland.BY, "2026-08-15", false)]
    [InlineData(Bundesland.TH, "2019-09-20", true)]
    [InlineData(Bundesland.TH, "2018-09-20", false)]
    [InlineData(Bundesland.SN, "2026-09-20", false)]
    [InlineData(Bundesland.ST, "2016-10-31", true)]
    [InlineData(Bundesland.HB, "2016-10-31", false)]
    [InlineData(Bundesland.HB, "2017-10-31", true)]
    [InlineData(Bundesland.BY, "2017-10-31", true)]
    [InlineData(Bundesland.BY, "2018-10-31", false)]
    [InlineData(Bundesland.HB, "2018-10-31", true)]
    [InlineData(Bundesland.HH, "2018-10-31", true)]
    [InlineData(Bundesland.NI, "2018-10-31", true)]
    [InlineData(Bundesland.SH, "2018-10-31", true)]
    [InlineData(Bundesland.RP, "2024-10-31", false)]
    [InlineData(Bundesland.ST, "2024-11-01", false)]
    [InlineData(Bundesland.BY, "2026-11-18", false)]
    [InlineData(Bundesland.BY, "2026-12-24", false)]
    [InlineData(Bundesland.BY, "2026-12-31", false)]
    public void IsHoliday_StateSpecificDate_FollowsStateLaw(Bundesland state, string date, bool expected)
    {
        PublicHolidays.IsHoliday(state, Day(date)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(2024, "2024-11-20")]
    [InlineData(2025, "2025-11-19")]
    [InlineData(2026, "2026-11-18")]
    [InlineData(2027, "2027-11-17")]
    [InlineData(2028, "2028-11-22")]
    [InlineData(2029, "2029-11-21")]
    [InlineData(2030, "2030-11-20")]
    public void For_SachsenBussUndBettag_IsPublishedWednesday(int year, string expected)
    {
        var bussUndBettag = PublicHolidays.For(Bundesland.SN, year).Single(h => h.Name == "Buß- und Bettag");

        bussUndBettag.Date.ShouldBe(Day(expected));
        bussUndBettag.Date.DayOfWeek.ShouldBe(DayOfWeek.Wednesday);
    }

    [Fact]
    public void For_Year2017_EveryStateHasReformationstag()
    {
        foreach (var state in Enum.GetValues<Bundesland>())
        {
            PublicHolidays.IsHoliday(state, new DateOnly(2017, 10, 31)).ShouldBeTrue(state.ToString());
        }
    }

    [Fact]
    public void For_AscensionOnLabourDay_KeepsBothHolidays()
    {
        // Given Easter 2008 was 23 March, so Christi Himmelfahrt fell on 1 May.
        // When
        var onFirstOfMay = PublicHolidays.For(Bundesland.BE, 2008).Where(h => h.Date == Day("2008-05-01"));

        // Then
        onFirstOfMay.Select(h => h.Name).ShouldBe(["Tag der Arbeit", "Christi Himmelfahrt"]);
    }

    [Fact]
    public void For_SameStateAndYear_ReturnsCachedReadOnlyList()
    {
        // Given
        var lists = new IReadOnlyList<PublicHoliday>[64];

        // When
        Parallel.For(0, lists.Length, i => lists[i] = PublicHolidays.For(Bundesland.HE, 2031));

        // Then
        lists.ShouldAllBe(list => ReferenceEquals(list, lists[0]));
        Should.Throw<NotSupportedException>(() => ((IList<PublicHoliday>)lists[0])[0] = Holiday("2031-01-02", "X"));
    }

    [Fact]
    public void For_UndefinedState_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PublicHolidays.For((Bundesland)16, 2026));
    }

    [Fact]
    public void IsHoliday_YearBeforeGregorianCalendar_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PublicHolidays.IsHoliday(Bundesland.BY, new DateOnly(1582, 12, 25)));
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static PublicHoliday Holiday(string iso, string name) => new(Day(iso), name);
}
