using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace QeV.Worker.Dispatch.Delivery;

/// <summary>
/// MailKit over sockets with TCP_NODELAY (without it Nagle and delayed ACKs cap a connection at about 22 mails/s),
/// STARTTLS or implicit TLS, login, certificate validation (a non-validating certificate only when its thumbprint is
/// configured), PIPELINING where offered (MailKit uses it by itself). Connections are kept and reused; the dispatcher
/// uses at most <see cref="Parallelism"/> at once, and <see cref="CloseAsync"/> ends them after each run.
/// </summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options, ILogger<SmtpMailTransport> logger) : IMailTransport, IDisposable
{
    private readonly ConcurrentBag<RecordingSmtpClient> _idle = [];
    private SmtpOptions Smtp => options.Value.Smtp;

    public string Target => $"{Smtp.Host}:{Smtp.Port}";

    public int Parallelism => Math.Max(1, Smtp.Connections);

    public async Task<IReadOnlyList<RecipientResult>> SendAsync(
        MimeMessage message, string key, IReadOnlyList<MailboxAddress> recipients, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var client = await AcquireAsync(ct);
        try
        {
            client.Refused.Clear();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Smtp.Timeout);
            await client.SendAsync(message, Sender(), recipients, timeout.Token);
            var results = recipients.Select(r => Result(r.Address, client)).ToList();
            _idle.Add(client);
            return results;
        }
        catch (NoRecipientAcceptedException)
        {
            var results = recipients.Select(r => Result(r.Address, client)).ToList();
            client.Dispose();
            return Verdict(results, client);
        }
        catch (SmtpCommandException c) when (c.ErrorCode == SmtpErrorCode.MessageNotAccepted && SmtpReplies.EnhancedClass(c.Message) is 1 or 2)
        {
            // A mailbox reason at DATA ("550 5.1.1") applies to every recipient of this message.
            _idle.Add(client);
            var outcome = (int)c.StatusCode >= 500 ? RecipientOutcome.Permanent : RecipientOutcome.Temporary;
            return recipients.Select(r => new RecipientResult(r.Address, outcome, SmtpReplies.Format((int)c.StatusCode, c.Message))).ToList();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested || ex is not OperationCanceledException)
        {
            client.Dispose();
            throw SmtpFailures.Describe(ex, Target, Smtp.Timeout);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task CloseAsync(CancellationToken ct)
    {
        while (_idle.TryTake(out var client))
        {
            try
            {
                if (client.IsConnected)
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(TimeSpan.FromSeconds(2));
                    await client.DisconnectAsync(quit: true, timeout.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or SmtpProtocolException or SmtpCommandException)
            {
                logger.LogDebug("QUIT an {Target} fehlgeschlagen: {Error}", Target, ex.Message);
            }
            finally
            {
                client.Dispose();
            }
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var client))
        {
            client.Dispose();
        }
    }

    /// <summary>Every recipient refused: for their own reasons (unknown user) a result each; for the server's (relay denied) a transport failure.</summary>
    private List<RecipientResult> Verdict(List<RecipientResult> results, RecordingSmtpClient client)
    {
        var replies = client.Refused.Values.ToList();
        if (replies.Count > 0 && replies.All(r => SmtpReplies.Classify((int)r.StatusCode, r.Response) == SmtpReplies.RcptVerdict.Policy))
        {
            var first = replies[0];
            throw new TransportException($"{Target} lehnt alle Empfänger ab: {SmtpReplies.Format((int)first.StatusCode, first.Response)}");
        }

        return results;
    }

    private static RecipientResult Result(string address, RecordingSmtpClient client)
    {
        if (!client.Refused.TryGetValue(address, out var reply))
            return new RecipientResult(address, RecipientOutcome.Accepted);
        var code = (int)reply.StatusCode;
        var outcome = SmtpReplies.Classify(code, reply.Response) == SmtpReplies.RcptVerdict.Temporary ? RecipientOutcome.Temporary : RecipientOutcome.Permanent;
        return new RecipientResult(address, outcome, SmtpReplies.Format(code, reply.Response));
    }

    private MailboxAddress Sender() => MailboxAddress.Parse(Smtp.From);

    private async Task<RecordingSmtpClient> AcquireAsync(CancellationToken ct)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsConnected)
                return idle;
            idle.Dispose();
        }

        var client = new RecordingSmtpClient { Timeout = (int)Math.Min(int.MaxValue, Smtp.Timeout.TotalMilliseconds) };
        string? refused = null;
        client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            var valid = ValidateCertificate(certificate, errors);
            refused = valid ? null : certificate?.GetCertHashString();
            return valid;
        };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Smtp.Timeout);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(Smtp.Host!, Smtp.Port, timeout.Token);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            await client.ConnectAsync(socket, Smtp.Host!, Smtp.Port, Security(), timeout.Token);
            if (!string.IsNullOrEmpty(Smtp.User))
                await client.AuthenticateAsync(Smtp.User, Smtp.Password ?? "", timeout.Token);
            return client;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested || ex is not OperationCanceledException)
        {
            client.Dispose();
            if (refused is not null && ex is SslHandshakeException)
                throw new TransportException($"Zertifikat von {Target} nicht vertrauenswürdig (Fingerabdruck {refused}), TLS-Verbindung abgebrochen. "
                    + $"Nur wenn das der erwartete Server ist: Mail:Smtp:CertificateThumbprint={refused} setzen", ex);
            if (refused is not null && ex is SslHandshakeException)
                throw new TransportException($"Zertifikat von {Target} nicht vertrauenswürdig (Fingerabdruck {refused}), TLS-Verbindung abgebrochen. "
                    + $"Nur wenn das der erwartete Server ist: Mail:Smtp:CertificateThumbprint={refused} setzen", ex);
            throw SmtpFailures.Describe(ex, Target, Smtp.Timeout);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private SecureSocketOptions Security() =>
        Smtp.UsesImplicitTls ? SecureSocketOptions.SslOnConnect
        : Smtp.UseStartTls ? SecureSocketOptions.StartTls
        : SecureSocketOptions.None;

    private bool ValidateCertificate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
            return true;

        // No bypass unless the operator named this very certificate.
        if (certificate is not null && !string.IsNullOrWhiteSpace(Smtp.CertificateThumbprint)
            && string.Equals(certificate.GetCertHashString(), MailOptionsValidator.NormalizeThumbprint(Smtp.CertificateThumbprint), StringComparison.OrdinalIgnoreCase))
            return true;

        logger.LogError("Zertifikat von {Target} nicht gültig ({Errors}); Fingerabdruck {Thumbprint}. Nur wenn das der erwartete Server ist: Mail:Smtp:CertificateThumbprint setzen",
            Target, errors, certificate?.GetCertHashString());
        return false;
    }
}
