namespace QeV.Domain.Calendar;

/// <summary>
/// The statutory, state-wide public holidays of each Bundesland (Feiertagsgesetze der Länder).
/// The rules describe the current law plus the enacted start years; earlier history (e.g. the
/// nationwide Buß- und Bettag until 1994) is not modelled.
/// </summary>
/// <remarks>
/// Deliberately left out because they are not state-wide:
/// <list type="bullet">
/// <item>Mariä Himmelfahrt (15.8.) in Bayern: only in communities with a Catholic majority.</item>
/// <item>Augsburger Friedensfest (8.8.): only in the city of Augsburg.</item>
/// <item>Fronleichnam in Sachsen and Thüringen: only in certain Catholic communities.</item>
/// </list>
/// 24.12. and 31.12. are not statutory holidays anywhere.
/// </remarks>
internal static class HolidayRules
{
    public static IEnumerable<PublicHoliday> For(Bundesland state, int year)
    {
        var easter = EasterSunday.For(year);
        DateOnly Fixed(int month, int day) => new(year, month, day);

        yield return new(Fixed(1, 1), "Neujahr");
        if (state is Bundesland.BW or Bundesland.BY or Bundesland.ST)
            yield return new(Fixed(1, 6), "Heilige Drei Könige");
        if ((state == Bundesland.BE && year >= 2019) || (state == Bundesland.MV && year >= 2023))
            yield return new(Fixed(3, 8), "Internationaler Frauentag");
        yield return new(easter.AddDays(-2), "Karfreitag");
        if (state == Bundesland.BB)
            yield return new(easter, "Ostersonntag");
        yield return new(easter.AddDays(1), "Ostermontag");
        yield return new(Fixed(5, 1), "Tag der Arbeit");
        if (state == Bundesland.BE && year is 2020 or 2025)
            yield return new(Fixed(5, 8), "Tag der Befreiung");
        yield return new(easter.AddDays(39), "Christi Himmelfahrt");
        if (state == Bundesland.BB)
            yield return new(easter.AddDays(49), "Pfingstsonntag");
        yield return new(easter.AddDays(50), "Pfingstmontag");
        if (state is Bundesland.BW or Bundesland.BY or Bundesland.HE or Bundesland.NW or Bundesland.RP or Bundesland.SL)
            yield return new(easter.AddDays(60), "Fronleichnam");
        if (state == Bundesland.SL)
            yield return new(Fixed(8, 15), "Mariä Himmelfahrt");
        if (state == Bundesland.TH && year >= 2019)
            yield return new(Fixed(9, 20), "Weltkindertag");
        yield return new(Fixed(10, 3), "Tag der Deutschen Einheit");
        if (IsReformationDay(state, year))
            yield return new(Fixed(10, 31), "Reformationstag");
        if (state is Bundesland.BW or Bundesland.BY or Bundesland.NW or Bundesland.RP or Bundesland.SL)
            yield return new(Fixed(11, 1), "Allerheiligen");
        if (state == Bundesland.SN)
            yield return new(DayOfRepentance(year), "Buß- und Bettag");
        yield return new(Fixed(12, 25), "1. Weihnachtstag");
        yield return new(Fixed(12, 26), "2. Weihnachtstag");
    }

    // 2017 was a nationwide one-off for the 500th anniversary of the Reformation.
    private static bool IsReformationDay(Bundesland state, int year) =>
        year == 2017
        || state is Bundesland.BB or Bundesland.MV or Bundesland.SN or Bundesland.ST or Bundesland.TH
        || (state is Bundesland.HB or Bundesland.HH or Bundesland.NI or Bundesland.SH && year >= 2018);

    // Buß- und Bettag: the last Wednesday strictly before 23 November.
    private static DateOnly DayOfRepentance(int year)
    {
        var latest = new DateOnly(year, 11, 22);
        var daysAfterWednesday = ((int)latest.DayOfWeek - (int)DayOfWeek.Wednesday + 7) % 7;
        return latest.AddDays(-daysAfterWednesday);
    }
}
