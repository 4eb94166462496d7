using MimeKit;

namespace QeV.Worker.Dispatch.Delivery;

/// <summary>Hands messages to the mail system: an SMTP server or the pickup folder.</summary>
public interface IMailTransport
{
    /// <summary>"mail.example:587" or the pickup folder, for messages.</summary>
    string Target { get; }

    /// <summary>SMTP connections (or parallel writers) one run may use side by side.</summary>
    int Parallelism { get; }

    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="recipients"/> (the envelope) and returns only once the server
    /// accepted it, with each recipient's outcome. Throws <see cref="TransportException"/> when the mail system failed.
    /// </summary>
    Task<IReadOnlyList<RecipientResult>> SendAsync(MimeMessage message, string key, IReadOnlyList<MailboxAddress> recipients, CancellationToken ct);

    /// <summary>Ends the connections kept for reuse (QUIT) at the end of a run.</summary>
    Task CloseAsync(CancellationToken ct);
}
