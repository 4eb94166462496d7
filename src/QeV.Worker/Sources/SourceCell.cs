using System.Globalization;

namespace QeV.Worker.Sources;

/// <summary>
/// A value as the source's driver returns it, written the way a CSV export writes it, so that the import's own
/// parser judges it. Timestamps count by their calendar day in the office's time zone.
/// </summary>
public static class SourceCell
{
    public static string? ToText(object? value, TimeZoneInfo zone) => value switch
    {
        null or DBNull => null,
        string s => s,
        DateOnly d => Iso(d),
        DateTime { Kind: DateTimeKind.Utc } utc => Iso(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone))),
        DateTime local => Iso(DateOnly.FromDateTime(local)),
        DateTimeOffset instant => Iso(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime)),
        bool b => b ? "true" : "false",
        decimal m => m == decimal.Truncate(m) ? decimal.Truncate(m).ToString(CultureInfo.InvariantCulture) : m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
