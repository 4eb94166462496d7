using System.Net.Mail;

namespace QeV.Worker.Dispatch;

/// <summary>Hands one message to the mail system; returns only once it was accepted (or the file is complete).</summary>
public interface IMailTransport
{
    Task SendAsync(MailMessage message, CancellationToken ct);
}
