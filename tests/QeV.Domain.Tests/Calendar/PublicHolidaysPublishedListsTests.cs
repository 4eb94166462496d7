using System.Globalization;
using QeV.Domain.Calendar;

namespace QeV.Domain.Tests.Calendar;

/// <summary>
/// Complete holiday lists 2024–2030 as published for each state (dates as MM-dd, in date order).
/// The data is literal on purpose: it was produced independently of the code under test and
/// checked against published calendars, so it must never be regenerated from <see cref="PublicHolidays"/>.
/// </summary>
public sealed class PublicHolidaysPublishedListsTests
{
    [Theory]
    [InlineData(Bundesland.BB, 2024, "01-01 03-29 03-31 04-01 05-01 05-09 05-19 05-20 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.BB, 2025, "01-01 04-18 04-20 04-21 05-01 05-29 06-08 06-09 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.BB, 2026, "01-01 04-03 04-05 04-06 05-01 05-14 05-24 05-25 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.BB, 2027, "01-01 03-26 03-28 03-29 05-01 05-06 05-16 05-17 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.BB, 2028, "01-01 04-14 04-16 04-17 05-01 05-25 06-04 06-05 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.BB, 2029, "01-01 03-30 04-01 04-02 05-01 05-10 05-20 05-21 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.BB, 2030, "01-01 04-19 04-21 04-22 05-01 05-30 06-09 06-10 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.BE, 2024, "01-01 03-08 03-29 04-01 05-01 05-09 05-20 10-03 12-25 12-26")]
    [InlineData(Bundesland.BE, 2025, "01-01 03-08 04-18 04-21 05-01 05-08 05-29 06-09 10-03 12-25 12-26")]
    [InlineData(Bundesland.BE, 2026, "01-01 03-08 04-03 04-06 05-01 05-14 05-25 10-03 12-25 12-26")]
    [InlineData(Bundesland.BE, 2027, "01-01 03-08 03-26 03-29 05-01 05-06 05-17 10-03 12-25 12-26")]
    [InlineData(Bundesland.BE, 2028, "01-01 03-08 04-14 04-17 05-01 05-25 06-05 10-03 12-25 12-26")]
    [InlineData(Bundesland.BE, 2029, "01-01 03-08 03-30 04-02 05-01 05-10 05-21 10-03 12-25 12-26")]
    [InlineData(Bundesland.BE, 2030, "01-01 03-08 04-19 04-22 05-01 05-30 06-10 10-03 12-25 12-26")]
    [InlineData(Bundesland.BY, 2024, "01-01 01-06 03-29 04-01 05-01 05-09 05-20 05-30 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.BY, 2025, "01-01 01-06 04-18 04-21 05-01 05-29 06-09 06-19 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.BY, 2026, "01-01 01-06 04-03 04-06 05-01 05-14 05-25 06-04 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.BY, 2027, "01-01 01-06 03-26 03-29 05-01 05-06 05-17 05-27 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.BY, 2028, "01-01 01-06 04-14 04-17 05-01 05-25 06-05 06-15 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.BY, 2029, "01-01 01-06 03-30 04-02 05-01 05-10 05-21 05-31 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.BY, 2030, "01-01 01-06 04-19 04-22 05-01 05-30 06-10 06-20 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.HE, 2024, "01-01 03-29 04-01 05-01 05-09 05-20 05-30 10-03 12-25 12-26")]
    [InlineData(Bundesland.HE, 2025, "01-01 04-18 04-21 05-01 05-29 06-09 06-19 10-03 12-25 12-26")]
    [InlineData(Bundesland.HE, 2026, "01-01 04-03 04-06 05-01 05-14 05-25 06-04 10-03 12-25 12-26")]
    [InlineData(Bundesland.HE, 2027, "01-01 03-26 03-29 05-01 05-06 05-17 05-27 10-03 12-25 12-26")]
    [InlineData(Bundesland.HE, 2028, "01-01 04-14 04-17 05-01 05-25 06-05 06-15 10-03 12-25 12-26")]
    [InlineData(Bundesland.HE, 2029, "01-01 03-30 04-02 05-01 05-10 05-21 05-31 10-03 12-25 12-26")]
    [InlineData(Bundesland.HE, 2030, "01-01 04-19 04-22 05-01 05-30 06-10 06-20 10-03 12-25 12-26")]
    [InlineData(Bundesland.HH, 2024, "01-01 03-29 04-01 05-01 05-09 05-20 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.HH, 2025, "01-01 04-18 04-21 05-01 05-29 06-09 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.HH, 2026, "01-01 04-03 04-06 05-01 05-14 05-25 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.HH, 2027, "01-01 03-26 03-29 05-01 05-06 05-17 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.HH, 2028, "01-01 04-14 04-17 05-01 05-25 06-05 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.HH, 2029, "01-01 03-30 04-02 05-01 05-10 05-21 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.HH, 2030, "01-01 04-19 04-22 05-01 05-30 06-10 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.MV, 2024, "01-01 03-08 03-29 04-01 05-01 05-09 05-20 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.MV, 2025, "01-01 03-08 04-18 04-21 05-01 05-29 06-09 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.MV, 2026, "01-01 03-08 04-03 04-06 05-01 05-14 05-25 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.MV, 2027, "01-01 03-08 03-26 03-29 05-01 05-06 05-17 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.MV, 2028, "01-01 03-08 04-14 04-17 05-01 05-25 06-05 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.MV, 2029, "01-01 03-08 03-30 04-02 05-01 05-10 05-21 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.MV, 2030, "01-01 03-08 04-19 04-22 05-01 05-30 06-10 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.NW, 2024, "01-01 03-29 04-01 05-01 05-09 05-20 05-30 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.NW, 2025, "01-01 04-18 04-21 05-01 05-29 06-09 06-19 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.NW, 2026, "01-01 04-03 04-06 05-01 05-14 05-25 06-04 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.NW, 2027, "01-01 03-26 03-29 05-01 05-06 05-17 05-27 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.NW, 2028, "01-01 04-14 04-17 05-01 05-25 06-05 06-15 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.NW, 2029, "01-01 03-30 04-02 05-01 05-10 05-21 05-31 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.NW, 2030, "01-01 04-19 04-22 05-01 05-30 06-10 06-20 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.RP, 2024, "01-01 03-29 04-01 05-01 05-09 05-20 05-30 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.RP, 2025, "01-01 04-18 04-21 05-01 05-29 06-09 06-19 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.RP, 2026, "01-01 04-03 04-06 05-01 05-14 05-25 06-04 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.RP, 2027, "01-01 03-26 03-29 05-01 05-06 05-17 05-27 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.RP, 2028, "01-01 04-14 04-17 05-01 05-25 06-05 06-15 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.RP, 2029, "01-01 03-30 04-02 05-01 05-10 05-21 05-31 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.RP, 2030, "01-01 04-19 04-22 05-01 05-30 06-10 06-20 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.SL, 2024, "01-01 03-29 04-01 05-01 05-09 05-20 05-30 08-15 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.SL, 2025, "01-01 04-18 04-21 05-01 05-29 06-09 06-19 08-15 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.SL, 2026, "01-01 04-03 04-06 05-01 05-14 05-25 06-04 08-15 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.SL, 2027, "01-01 03-26 03-29 05-01 05-06 05-17 05-27 08-15 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.SL, 2028, "01-01 04-14 04-17 05-01 05-25 06-05 06-15 08-15 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.SL, 2029, "01-01 03-30 04-02 05-01 05-10 05-21 05-31 08-15 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.SL, 2030, "01-01 04-19 04-22 05-01 05-30 06-10 06-20 08-15 10-03 11-01 12-25 12-26")]
    [InlineData(Bundesland.SN, 2024, "01-01 03-29 04-01 05-01 05-09 05-20 10-03 10-31 11-20 12-25 12-26")]
    [InlineData(Bundesland.SN, 2025, "01-01 04-18 04-21 05-01 05-29 06-09 10-03 10-31 11-19 12-25 12-26")]
    [InlineData(Bundesland.SN, 2026, "01-01 04-03 04-06 05-01 05-14 05-25 10-03 10-31 11-18 12-25 12-26")]
    [InlineData(Bundesland.SN, 2027, "01-01 03-26 03-29 05-01 05-06 05-17 10-03 10-31 11-17 12-25 12-26")]
    [InlineData(Bundesland.SN, 2028, "01-01 04-14 04-17 05-01 05-25 06-05 10-03 10-31 11-22 12-25 12-26")]
    [InlineData(Bundesland.SN, 2029, "01-01 03-30 04-02 05-01 05-10 05-21 10-03 10-31 11-21 12-25 12-26")]
    [InlineData(Bundesland.SN, 2030, "01-01 04-19 04-22 05-01 05-30 06-10 10-03 10-31 11-20 12-25 12-26")]
    [InlineData(Bundesland.ST, 2024, "01-01 01-06 03-29 04-01 05-01 05-09 05-20 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.ST, 2025, "01-01 01-06 04-18 04-21 05-01 05-29 06-09 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.ST, 2026, "01-01 01-06 04-03 04-06 05-01 05-14 05-25 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.ST, 2027, "01-01 01-06 03-26 03-29 05-01 05-06 05-17 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.ST, 2028, "01-01 01-06 04-14 04-17 05-01 05-25 06-05 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.ST, 2029, "01-01 01-06 03-30 04-02 05-01 05-10 05-21 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.ST, 2030, "01-01 01-06 04-19 04-22 05-01 05-30 06-10 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.TH, 2024, "01-01 03-29 04-01 05-01 05-09 05-20 09-20 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.TH, 2025, "01-01 04-18 04-21 05-01 05-29 06-09 09-20 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.TH, 2026, "01-01 04-03 04-06 05-01 05-14 05-25 09-20 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.TH, 2027, "01-01 03-26 03-29 05-01 05-06 05-17 09-20 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.TH, 2028, "01-01 04-14 04-17 05-01 05-25 06-05 09-20 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.TH, 2029, "01-01 03-30 04-02 05-01 05-10 05-21 09-20 10-03 10-31 12-25 12-26")]
    [InlineData(Bundesland.TH, 2030, "01-01 04-19 04-22 05-01 05-30 06-10 09-20 10-03 10-31 12-25 12-26")]
    public void For_StateAndYear_MatchesPublishedList(Bundesland state, int year, string expected)
    {
        // Given
        var expectedDates = expected
            .Split(' ')
            .Select(monthDay => DateOnly.ParseExact($"{year}-{monthDay}", "yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ToList();

        // When
        var actual = PublicHolidays.For(state, year).Select(h => h.Date).ToList();

        // Then
        actual.ShouldBe(expectedDates);
    }
}
