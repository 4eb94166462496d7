using System.Globalization;
using QeV.Domain.Periods;

namespace QeV.Domain.Profiles;

/// <summary>Parses parameter text the one way the validator and the rules agree on; German messages name what is wrong.</summary>
public static class ParameterValues
{
    public static bool TryParse(ParameterSpec spec, string? text, out string? error)
    {
        error = null;
        var value = text?.Trim() ?? "";
        switch (spec.Kind)
        {
            case ParameterKind.Period when !Period.TryParse(value, out _):
                error = $"„{text}“ ist keine Frist wie 14d, 10bd, 6w, 6m oder 2y.";
                break;
            case ParameterKind.Date when value.Length > 0 && !TryDate(value, out _):
                error = $"„{text}“ ist kein Datum im Format JJJJ-MM-TT (oder leer für keines).";
                break;
            case ParameterKind.Number when !TryNumber(value, out var number) || number < 0:
                error = $"„{text}“ ist keine Zahl ≥ 0 mit Dezimalpunkt wie 15.6.";
                break;
            case ParameterKind.Count when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                error = $"„{text}“ ist keine ganze Zahl ≥ 0.";
                break;
            case ParameterKind.DayOfYear when !TryDayOfYear(value, out _):
                error = $"„{text}“ ist kein Tag im Jahr im Format MM-TT wie 10-01.";
                break;
            case ParameterKind.Choice when !spec.Allowed.Contains(value, StringComparer.OrdinalIgnoreCase):
                error = $"„{text}“ ist nicht erlaubt; erlaubt: {string.Join(", ", spec.Allowed)}.";
                break;
            case ParameterKind.ChoiceList when List(value).Count == 0
                || List(value).Any(v => !spec.Allowed.Contains(v, StringComparer.OrdinalIgnoreCase)):
                error = $"„{text}“ ist keine Liste aus {string.Join(", ", spec.Allowed)} (durch Komma getrennt).";
                break;
        }

        return error is null;
    }

    public static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryNumber(string value, out decimal number) =>
        decimal.TryParse(value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    /// <summary>"10-01" as (month, day); 02-29 is refused, it does not exist every year.</summary>
    public static bool TryDayOfYear(string value, out (int Month, int Day) day)
    {
        day = default;
        if (!DateOnly.TryParseExact("2001-" + value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        day = (date.Month, date.Day);
        return true;
    }

    public static IReadOnlyList<string> List(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
