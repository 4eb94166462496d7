using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace QeV.Worker.Dispatch.Delivery;

/// <summary>Turns what MailKit and the socket throw into one German sentence that names the server.</summary>
public static class SmtpFailures
{
    public static TransportException Describe(Exception ex, string target, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex switch
        {
            TransportException t => t,
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => new($"Verbindung zu {target} abgelehnt", ex),
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } =>
                new($"Mailserver {target} nicht gefunden (DNS)", ex),
            SocketException s => new($"Verbindung zu {target} fehlgeschlagen ({s.SocketErrorCode})", ex),
            TimeoutException or OperationCanceledException =>
                new($"Keine Antwort von {target} innerhalb von {timeout.TotalSeconds:0.#} s", ex, timedOut: true),
            SslHandshakeException => new($"TLS-Verbindung zu {target} fehlgeschlagen: {FirstLine(ex.Message)}", ex),
            AuthenticationException => new($"Anmeldung abgelehnt: {FirstLine(ex.Message)}", ex),
            SmtpCommandException { StatusCode: SmtpStatusCode.AuthenticationRequired } c =>
                new($"Anmeldung abgelehnt: {SmtpReplies.Format((int)c.StatusCode, c.Message)}", ex),
            SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable } c =>
                new($"{target} beendet die Verbindung: {SmtpReplies.Format((int)c.StatusCode, c.Message)}", ex),
            SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } c =>
                new($"Absender abgelehnt von {target}: {SmtpReplies.Format((int)c.StatusCode, c.Message)}", ex),
            SmtpCommandException { ErrorCode: SmtpErrorCode.MessageNotAccepted } c =>
                new($"Nachricht nicht angenommen von {target}: {SmtpReplies.Format((int)c.StatusCode, c.Message)}", ex),
            SmtpCommandException c => new($"{target} antwortet {SmtpReplies.Format((int)c.StatusCode, c.Message)}", ex),
            NotSupportedException => new($"{target}: {FirstLine(ex.Message)} (Mail:Smtp:UseStartTls, Mail:Smtp:ImplicitTls prüfen)", ex),
            SmtpProtocolException or ServiceNotConnectedException or IOException =>
                new($"Verbindung zu {target} abgebrochen: {FirstLine(ex.Message)}", ex),
            _ => new($"Versand über {target} fehlgeschlagen: {ex.GetType().Name}: {FirstLine(ex.Message)}", ex),
        };
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
