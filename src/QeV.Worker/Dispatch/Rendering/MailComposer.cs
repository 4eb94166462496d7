using System.Globalization;
using System.Net.Mail;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text;
using QeV.Worker.Dispatch.Ics;
using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// Builds the <see cref="MailMessage"/> of a rendered notice: text part first, HTML alternative second, the
/// calendar event as an .ics attachment, and the headers that make it traceable (notice key, Message-ID from the
/// key) and keep auto-responders quiet (Auto-Submitted).
/// </summary>
public static class MailComposer
{
    public const string NoticeKeyHeader = "X-QeV-Notice-Key";
    public const string CalendarMediaType = "text/calendar";

    /// <summary>The caller owns (and disposes) the message.</summary>
    public static MailMessage Compose(NoticeContent content, RenderedMail rendered, MailAddress from)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(rendered);
        ArgumentNullException.ThrowIfNull(from);

        var message = new MailMessage
        {
            From = from,
            Subject = MailBody.SingleLine(rendered.Subject),
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            Priority = content.Urgent ? MailPriority.High : MailPriority.Normal,
        };
        try
        {
            message.To.Add(Address(content.To));
            foreach (var cc in content.Cc)
                message.CC.Add(Address(cc));

            message.AlternateViews.Add(View(rendered.Text, MediaTypeNames.Text.Plain));
            message.AlternateViews.Add(View(rendered.Html, MediaTypeNames.Text.Html));
            if (rendered.Calendar is { } calendar)
                message.Attachments.Add(CalendarAttachment(content.Rule, calendar));

            message.Headers.Add(NoticeKeyHeader, content.Key);
            message.Headers.Add("Auto-Submitted", "auto-generated");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
            message.Headers.Add("Message-ID", MessageIdFor(content.Key));
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>"&lt;" + lowercase hex of the first 16 bytes of SHA-256(key) + "@qev-worker&gt;": the same key, the same id.</summary>
    public static string MessageIdFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return "<" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16) + "@qev-worker>";
    }

    /// <summary>"frist-f01-2026-12-04.ics".</summary>
    public static string CalendarFileName(string? rule, DateOnly due)
    {
        var prefix = MailTemplateNames.IsValid(rule) ? "frist-" + rule!.ToLowerInvariant() + "-" : "frist-";
        return prefix + due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".ics";
    }

    private static MailAddress Address(Recipient recipient) =>
        new(recipient.Email, recipient.DisplayName, Encoding.UTF8);

    private static AlternateView View(string body, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(body.ReplaceLineEndings("\r\n"), Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }

    private static Attachment CalendarAttachment(string? rule, CalendarEvent calendar)
    {
        var type = new ContentType(CalendarMediaType) { CharSet = "utf-8", Name = CalendarFileName(rule, calendar.Date) };
        type.Parameters["method"] = "PUBLISH";
        var attachment = new Attachment(new MemoryStream(Encoding.UTF8.GetBytes(IcsWriter.Write(calendar))), type);
        attachment.ContentDisposition!.FileName = type.Name;
        return attachment;
    }
}
