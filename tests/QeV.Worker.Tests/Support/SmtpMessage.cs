using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QeV.Worker.Tests.Support;

/// <summary>
/// One stored mail: an .eml as the SMTP sink received it (or as the pickup folder holds it) and, from the sink, its
/// envelope recipients. Reads headers (unfolded) and tells which MIME parts it has; no MIME library needed.
/// </summary>
public sealed class SmtpMessage
{
    private SmtpMessage(string path, string raw, IReadOnlyList<string> recipients)
    {
        Path = path;
        Raw = raw;
        Recipients = recipients;
        var end = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? raw : raw[..end];
        Headers = Unfold(head);
    }

    public string Path { get; }

    /// <summary>The whole message as text.</summary>
    public string Raw { get; }

    /// <summary>The message with quoted-printable undone (soft line breaks joined, =XX decoded as UTF-8), for searching text.</summary>
    public string Text => DecodeQuotedPrintable(Raw);

    /// <summary>RCPT TO addresses of the envelope (empty for pickup files).</summary>
    public IReadOnlyList<string> Recipients { get; }

    /// <summary>The top-level header fields, unfolded, in order.</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; }

    public static SmtpMessage Read(string emlPath)
    {
        var raw = File.ReadAllText(emlPath);
        var envelope = System.IO.Path.ChangeExtension(emlPath, ".json");
        var recipients = new List<string>();
        if (File.Exists(envelope))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(envelope));
            recipients.AddRange(json.RootElement.GetProperty("rcpt_tos").EnumerateArray().Select(e => e.GetString() ?? ""));
        }

        return new SmtpMessage(emlPath, raw, recipients);
    }

    /// <summary>Every .eml of a folder, in name order (the sink's names start with a counter).</summary>
    public static IReadOnlyList<SmtpMessage> ReadFolder(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(Read).ToList()
            : [];

    /// <summary>The first header of that name (case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public int HeaderCount(string name) =>
        Headers.Count(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));

    public string? NoticeKey => Header("X-QeV-Notice-Key");

    /// <summary>The keys of the notices this mail carries: a bundle's items, else its own key.</summary>
    public IReadOnlyList<string> ItemKeys =>
        Header("X-QeV-Item-Keys")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? (NoticeKey is { } key ? [key] : []);

    /// <summary>Whether any MIME part (or the message itself) has this content type, e.g. "text/html".</summary>
    public bool HasPart(string mediaType) =>
        Regex.IsMatch(Raw, @"(?im)^content-type:\s*" + Regex.Escape(mediaType) + @"\s*(;|$)");

    public override string ToString() => $"{System.IO.Path.GetFileName(Path)} key={NoticeKey} to={string.Join(",", Recipients)}";

    private static string DecodeQuotedPrintable(string raw)
    {
        var joined = raw.Replace("=\r\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>(joined.Length);
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static List<(string Name, string Value)> Unfold(string head)
    {
        var fields = new List<(string Name, string Value)>();
        foreach (var line in head.Split("\r\n"))
        {
            if ((line.StartsWith(' ') || line.StartsWith('\t')) && fields.Count > 0)
            {
                var (name, value) = fields[^1];
                fields[^1] = (name, value + " " + line.Trim());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return fields;
    }
}
