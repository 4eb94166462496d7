using MailKit.Net.Smtp;
using MimeKit;

namespace QeV.Worker.Dispatch.Delivery;

/// <summary>
/// MailKit's client, but a refused recipient does not abort the message: the refusal is recorded and the others still
/// get it (MailKit's default throws at the first refused RCPT TO, so one bad Cc would stop the mail for everyone).
/// </summary>
internal sealed class RecordingSmtpClient : SmtpClient
{
    public Dictionary<string, SmtpResponse> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == SmtpStatusCode.ServiceNotAvailable)
            throw new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, response.StatusCode, mailbox, response.Response);
        Refused[mailbox.Address] = response;
    }

    protected override void OnNoRecipientsAccepted(MimeMessage message) => throw new NoRecipientAcceptedException();
}

/// <summary>Every RCPT TO of a message was refused; <see cref="RecordingSmtpClient.Refused"/> says how.</summary>
internal sealed class NoRecipientAcceptedException : Exception
{
    public NoRecipientAcceptedException()
        : base("Kein Empfänger angenommen")
    {
    }

    public NoRecipientAcceptedException(string message)
        : base(message)
    {
    }

    public NoRecipientAcceptedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
