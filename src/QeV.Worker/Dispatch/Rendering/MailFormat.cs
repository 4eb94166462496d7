using System.Globalization;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>The German wording of dates, day counts and name lists used by the mail templates.</summary>
public static class MailFormat
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>TT.MM.JJJJ.</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1 Tag" / "3 Tage" (or any other singular and plural form).</summary>
    public static string Plural(int count, string singular, string plural) =>
        count.ToString(German) + " " + (count == 1 ? singular : plural);

    /// <summary>"noch 5 Tage", "heute fällig" or "seit 3 Tagen überfällig", seen from <paramref name="day"/>.</summary>
    public static string Status(DateOnly due, DateOnly day)
    {
        var days = due.DayNumber - day.DayNumber;
        return days switch
        {
            > 0 => "noch " + Plural(days, "Tag", "Tage"),
            0 => "heute fällig",
            _ => "seit " + Plural(-days, "Tag", "Tagen") + " überfällig",
        };
    }

    /// <summary>"A", "A und B", "A, B und C".</summary>
    public static string JoinNames(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Count switch
        {
            0 => "",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " und " + names[^1],
        };
    }
}
