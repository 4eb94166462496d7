using System.Globalization;
using System.Text.RegularExpressions;
using QeV.Domain.Calendar;

namespace QeV.Domain.Periods;

/// <summary>A lead time or interval as written in configuration: "10bd" (business days), "14d", "8w", "6m", "1y".</summary>
public sealed partial record Period(int Amount, PeriodUnit Unit)
{
    public static bool TryParse(string? text, out Period period)
    {
        period = new Period(0, PeriodUnit.Days);
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is null || !match.Success)
        {
            return false;
        }

        var unit = match.Groups[2].Value.ToUpperInvariant() switch
        {
            "BD" => PeriodUnit.BusinessDays,
            "D" => PeriodUnit.Days,
            "W" => PeriodUnit.Weeks,
            "M" => PeriodUnit.Months,
            _ => PeriodUnit.Years,
        };
        period = new Period(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), unit);
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"„{text}“ ist keine Frist wie 10bd, 14d, 8w, 6m oder 1y.");

    /// <summary>The date this period after <paramref name="date"/> (negative <paramref name="sign"/>: before).</summary>
    public DateOnly From(DateOnly date, int sign, BusinessCalendar calendar, Bundesland state) => Unit switch
    {
        PeriodUnit.BusinessDays => calendar.AddBusinessDays(date, sign * Amount, state),
        PeriodUnit.Days => date.AddDays(sign * Amount),
        PeriodUnit.Weeks => date.AddDays(sign * 7 * Amount),
        PeriodUnit.Months => date.AddMonths(sign * Amount),
        _ => date.AddYears(sign * Amount),
    };

    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        PeriodUnit.BusinessDays => "bd",
        PeriodUnit.Days => "d",
        PeriodUnit.Weeks => "w",
        PeriodUnit.Months => "m",
        _ => "y",
    };

    [GeneratedRegex("^([0-9]{1,4})(bd|d|w|m|y)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
