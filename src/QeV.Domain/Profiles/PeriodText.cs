using System.Globalization;
using QeV.Domain.Periods;

namespace QeV.Domain.Profiles;

/// <summary>A period in German words: "14 Tage", "10 Werktage", "1 Woche", "6 Monate", "2 Jahre".</summary>
public static class PeriodText
{
    public static string Of(Period period)
    {
        var one = period.Amount == 1;
        var unit = period.Unit switch
        {
            PeriodUnit.BusinessDays => one ? "Werktag" : "Werktage",
            PeriodUnit.Days => one ? "Tag" : "Tage",
            PeriodUnit.Weeks => one ? "Woche" : "Wochen",
            PeriodUnit.Months => one ? "Monat" : "Monate",
            _ => one ? "Jahr" : "Jahre",
        };
        return period.Amount.ToString(CultureInfo.InvariantCulture) + " " + unit;
    }

    /// <summary>"wöchentlich", "monatlich", … for a repeat interval of one unit, else "alle 2 Wochen".</summary>
    public static string Every(Period period) => (period.Amount, period.Unit) switch
    {
        (1, PeriodUnit.Days) => "täglich",
        (1, PeriodUnit.BusinessDays) => "werktäglich",
        (1, PeriodUnit.Weeks) => "wöchentlich",
        (1, PeriodUnit.Months) => "monatlich",
        (1, PeriodUnit.Years) => "jährlich",
        _ => "alle " + Of(period),
    };
}
