using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MimeKit;
using MimeKit.Text;
using QeV.Worker.Dispatch.Ics;
using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// Builds the <see cref="MimeMessage"/> of a rendered notice or bundle: text part first, HTML alternative second, the
/// calendar as an .ics attachment, and the headers that make it traceable (notice key, Message-ID from the key, so a
/// repeat carries the same id) and keep auto-responders quiet (Auto-Submitted).
/// </summary>
public static class MailComposer
{
    public const string NoticeKeyHeader = "X-QeV-Notice-Key";

    /// <summary>The keys of the items a bundled mail carries, space-separated.</summary>
    public const string ItemKeysHeader = "X-QeV-Item-Keys";

    public const string CalendarMediaType = "text/calendar";

    public static MimeMessage Compose(NoticeContent content, RenderedMail rendered, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(rendered);
        var calendar = rendered.Calendar is { } e ? (IcsWriter.Write(e), CalendarFileName(content.Rule, e.Date)) : default((string, string)?);
        var message = Compose(content.Key, rendered.Subject, rendered.Text, rendered.Html, calendar, from, content.Urgent);
        message.To.Add(Address(content.To));
        foreach (var cc in content.Cc)
            message.Cc.Add(Address(cc));
        return message;
    }

    /// <summary>One mail to one person carrying several items, each with its own key.</summary>
    public static MimeMessage ComposeBundle(string key, Recipient to, IReadOnlyList<string> itemKeys, RenderedBundle rendered, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(rendered);
        var calendar = rendered.Events.Count > 0
            ? (IcsWriter.Write(rendered.Events), "fristen-" + rendered.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".ics")
            : default((string, string)?);
        var message = Compose(key, rendered.Subject, rendered.Text, rendered.Html, calendar, from, urgent: false);
        message.To.Add(Address(to));
        message.Headers.Add(ItemKeysHeader, string.Join(' ', itemKeys));
        return message;
    }

    /// <summary>"&lt;" + lowercase hex of the first 16 bytes of SHA-256(key) + "@qev-worker&gt;": the same key, the same id.</summary>
    public static string MessageIdFor(string key) => "<" + MessageIdValue(key) + ">";

    /// <summary>"frist-f01-2026-12-04.ics".</summary>
    public static string CalendarFileName(string? rule, DateOnly due)
    {
        var prefix = MailTemplateNames.IsValid(rule) ? "frist-" + rule!.ToLowerInvariant() + "-" : "frist-";
        return prefix + due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".ics";
    }

    private static MimeMessage Compose(
        string key, string subject, string text, string html, (string Ics, string FileName)? calendar, MailboxAddress from, bool urgent)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(from);
        var message = new MimeMessage { Subject = MailBody.SingleLine(subject), MessageId = MessageIdValue(key) };
        message.From.Add(from);
        if (urgent)
        {
            message.Priority = MessagePriority.Urgent;
            message.Importance = MessageImportance.High;
            message.XPriority = XMessagePriority.Highest;
        }

        var alternative = new MultipartAlternative { Part(TextFormat.Plain, text), Part(TextFormat.Html, html) };
        if (calendar is { } c)
        {
            var attachment = new TextPart("calendar")
            {
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = c.FileName },
                ContentTransferEncoding = ContentEncoding.QuotedPrintable,
            };
            attachment.SetText(Encoding.UTF8, c.Ics);
            attachment.ContentType.Charset = "utf-8";
            attachment.ContentType.Name = c.FileName;
            attachment.ContentType.Parameters.Add("method", "PUBLISH");
            message.Body = new Multipart("mixed") { alternative, attachment };
        }
        else
        {
            message.Body = alternative;
        }

        message.Headers.Add(NoticeKeyHeader, key);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        return message;
    }

    private static string MessageIdValue(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16) + "@qev-worker";
    }

    private static MailboxAddress Address(Recipient recipient) => new(Encoding.UTF8, recipient.DisplayName, recipient.Email);

    private static TextPart Part(TextFormat format, string body)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, body.ReplaceLineEndings("\r\n"));
        return part;
    }
}
