using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace QeV.Worker.Dispatch;

/// <summary>
/// System.Net.Mail for both modes (MailKit is not available here): SMTP with STARTTLS and authentication, or
/// SpecifiedPickupDirectory, which writes each message as an .eml file and returns after the file is written.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient();
        if (o.Mode == MailMode.Pickup)
        {
            var folder = Path.GetFullPath(o.PickupDirectory);
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }
        else
        {
            client.Host = o.Smtp.Host!;
            client.Port = o.Smtp.Port;
            client.EnableSsl = o.Smtp.UseStartTls;
            client.Timeout = (int)o.Smtp.Timeout.TotalMilliseconds;
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            if (!string.IsNullOrEmpty(o.Smtp.User))
            {
                client.Credentials = new NetworkCredential(o.Smtp.User, o.Smtp.Password);
            }
        }

        await client.SendMailAsync(message, ct);
    }
}
