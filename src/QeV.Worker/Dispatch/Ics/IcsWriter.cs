using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace QeV.Worker.Dispatch.Ics;

/// <summary>Writes a single all-day <see cref="CalendarEvent"/> as an RFC 5545 VCALENDAR document.</summary>
public static class IcsWriter
{
    private const string Crlf = "\r\n";

    /// <summary>Returns the complete VCALENDAR text; every line, including the last, ends with CRLF.</summary>
    public static string Write(CalendarEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Write([e]);
    }

    /// <summary>One VCALENDAR with one VEVENT per event (a bundled mail's items).</summary>
    public static string Write(IReadOnlyList<CalendarEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var sb = new StringBuilder(256 + (events.Count * 384));
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//QeV.Worker//Fristen//DE");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        foreach (var e in events)
            Event(sb, e);
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    private static void Event(StringBuilder sb, CalendarEvent e)
    {
        Line(sb, "BEGIN:VEVENT");
        Line(sb, "UID:" + IcsText.Escape(e.Uid));
        Line(sb, "DTSTAMP:" + e.Stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        Line(sb, "DTSTART;VALUE=DATE:" + FormatDate(e.Date));
        Line(sb, "DTEND;VALUE=DATE:" + FormatDate(e.Date.AddDays(1)));
        Line(sb, "SUMMARY:" + IcsText.Escape(e.Summary));
        Line(sb, "DESCRIPTION:" + IcsText.Escape(e.Description));
        Line(sb, "TRANSP:TRANSPARENT");
        Line(sb, "END:VEVENT");
    }

    /// <summary>A UID that is stable per key: lowercase hex of the first 16 bytes of SHA-256(key) + "@qev-worker".</summary>
    public static string StableUid(string deadlineKey)
    {
        ArgumentNullException.ThrowIfNull(deadlineKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(deadlineKey));
        return Convert.ToHexStringLower(hash, 0, 16) + "@qev-worker";
    }

    private static string FormatDate(DateOnly date) =>
        date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder sb, string contentLine)
    {
        IcsText.AppendFolded(sb, contentLine);
        sb.Append(Crlf);
    }
}
