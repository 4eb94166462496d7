using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using QeV.Worker.Dispatch;

using QeV.Worker.Dispatch.Delivery;

namespace QeV.Worker.Operations;

/// <summary>
/// Talks to the configured mail server with MailKit for `qev doctor` (connect, TLS, EHLO, QUIT: no mail) and for
/// `qev test-mail` (one marked test mail); Pickup mode writes the test mail as an .eml file.
/// </summary>
public static class MailProbe
{
    public const string TestHeader = "X-QeV-Test";

    /// <summary>Connects and greets; returns what the server offered, e.g. "STARTTLS ok, EHLO: 8BITMIME, SIZE, AUTH".</summary>
    public static async Task<string> ProbeAsync(SmtpOptions smtp, CancellationToken ct)
    {
        using var client = await ConnectAsync(smtp, ct);
        var summary = $"{(client.IsSecure ? "TLS aktiv" : "ohne TLS")}, EHLO: {client.Capabilities}";
        await client.DisconnectAsync(true, ct);
        return summary;
    }

    public static MimeMessage TestMessage(SmtpOptions smtp, string to, DateTimeOffset now)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "[QeV.Worker] Testnachricht – bitte nicht beantworten";
        message.Headers.Add(TestHeader, "1");
        message.Date = now;
        message.Body = new TextPart("plain")
        {
            Text = "Dies ist eine Testnachricht von QeV.Worker (qev test-mail).\n"
                + $"Gesendet am {now.ToString("dd.MM.yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture)} von {Environment.MachineName}.\n"
                + "Wenn sie angekommen ist, funktioniert der Versand bis zu diesem Postfach.",
        };
        return message;
    }

    /// <summary>Sends <paramref name="message"/>; returns where it went.</summary>
    public static async Task<string> SendAsync(MailOptions options, MimeMessage message, CancellationToken ct)
    {
        if (options.Mode == MailMode.Pickup)
        {
            var folder = Path.GetFullPath(options.PickupDirectory);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"qev-test-{Guid.NewGuid():N}.eml");
            // CRLF as on the wire, whatever the platform: mail gateways that pick the file up expect it.
            var format = FormatOptions.Default.Clone();
            format.NewLineFormat = NewLineFormat.Dos;
            await message.WriteToAsync(format, file, ct);
            return file;
        }

        using var client = await ConnectAsync(options.Smtp, ct);
        if (!string.IsNullOrEmpty(options.Smtp.User))
        {
            await client.AuthenticateAsync(options.Smtp.User, options.Smtp.Password ?? "", ct);
        }

        var answer = await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        return $"{options.Smtp.Host}:{options.Smtp.Port} ({answer.Trim()})";
    }

    private static async Task<SmtpClient> ConnectAsync(SmtpOptions smtp, CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            var security = smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
                : smtp.UseStartTls ? SecureSocketOptions.StartTls
                : SecureSocketOptions.None;
            await client.ConnectAsync(smtp.Host ?? "", smtp.Port, security, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
