using Microsoft.Extensions.Logging;
using MimeKit;
using Polly.CircuitBreaker;
using QeV.Worker.Diagnostics;
using QeV.Worker.Dispatch.Delivery;

namespace QeV.Worker.Dispatch;

// The dispatcher's send of one mail: the previous mail's record written with this one's renewal, then render and deliver.
public sealed partial class NoticeDispatcher
{
    /// <summary>Writes the previous mail's record with this mail's renewal, then sends this one; returns its record, not yet written.</summary>
    private async Task<MailRecord?> SendAsync(OutgoingMail mail, MailRecord? previous, BatchRun lane)
    {
        // Every line about this mail carries its key and its notices' keys (Seq, CLEF files): search by key, never by name.
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["MailKey"] = mail.Key, ["NoticeKeys"] = string.Join(' ', mail.Items.Select(i => i.Key)),
        });
        // The claims are extended once what is left of them might not outlast the longest delivery, or half the lease is
        // gone; before that it is enough to read that they are still ours (another instance can take a claim only after it ends).
        var lease = options.Value.ClaimLease;
        var mustLast = TimeSpan.FromTicks(Math.Max(lease.Ticks / 2, (DispatchOptionsValidator.LongestDelivery(options.Value, mailOptions.Value) + ExtendMargin).Ticks));
        var now = time.GetUtcNow();
        var extend = mail.Items.Any(i => i.HeldUntil - now < mustLast);
        var started = PhaseTimes.Start();
        var held = await RecordAndRenewAsync(previous, [.. mail.Items.Select(i => i.Key)], extend, lane.Day);
        lane.Counts.Phases.Stop(Phase.Record, started);
        if (extend)
        {
            foreach (var item in mail.Items)
                item.HeldUntil = now + lease;
        }

        foreach (var lost in mail.Items.Where(i => !held.Contains(i.Key)))
        {
            lost.Lost = true;
            logger.LogInformation("Nachricht {NoticeKey} wurde inzwischen von einer anderen Instanz übernommen", lost.Key);
        }

        var parts = mail.Parts.Where(p => held.Contains(p.Item.Key)).ToList();
        if (parts.Count == 0)
            return null;
        mail = mail with { Parts = parts };

        IReadOnlyList<RecipientResult>? results = null;
        string? transportError = null;
        var breaker = lane.Breaker;
        try
        {
            started = PhaseTimes.Start();
            using var message = Build(mail, lane.Day);
            lane.Counts.Phases.Stop(Phase.Render, started);
            var envelope = mail.Addresses.Select(a => new MailboxAddress((string?)null, a)).ToList();
            started = PhaseTimes.Start();
            results = await breaker.Pipeline.ExecuteAsync(async token =>
            {
                try
                {
                    var r = await transport.SendAsync(message, mail.Key, envelope, token);
                    breaker.Succeeded();
                    return r;
                }
                catch (TransportException ex)
                {
                    await breaker.FailedAsync(ex);
                    throw;
                }
            }, CancellationToken.None);
            lane.Counts.Phases.Stop(Phase.Deliver, started);
        }
        catch (TransportException ex)
        {
            lane.Counts.Phases.Stop(Phase.Deliver, started);
            transportError = ex.Message;
            logger.LogWarning("Mail {MailKey} nicht versendet: {Error}", mail.Key, ex.Message);
        }
        catch (Exception ex) when (ex is BrokenCircuitException or IsolatedCircuitException)
        {
            return null; // not attempted: released as owed at the end of the batch
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            // The notice cannot be rendered (a broken template): retrying will not help.
            results = [.. mail.Addresses.Select(a => new RecipientResult(a, RecipientOutcome.Permanent, "Nachricht nicht erstellbar: " + ex.Message))];
        }

        lock (_progress)
            return MailRecord.Of(mail, results, transportError, lane.Counts, options.Value, time.GetUtcNow());
    }

    private MimeMessage Build(OutgoingMail mail, DateOnly day) =>
        mail.BundleRecipient is { } to
            ? mails.CreateBundle(mail.Key, to, day, [.. mail.Items.Select(i => i.Content)])
            : mails.Create(mail.Items[0].Content);

    /// <summary>
    /// One queued write: the record of a mail the server just answered (if any) and the renewal of the claims of the
    /// next mail (if any); returns the renewed keys still held. Logs the record once it is written.
    /// </summary>
    private async Task<HashSet<string>> RecordAndRenewAsync(MailRecord? record, IReadOnlyList<string>? renew, bool extend, DateOnly day)
    {
        if (record is null && renew is null)
            return [];
        HashSet<string> held;
        try
        {
            held = await _ledgerQueue.WriteAsync(record?.Deliveries ?? [], record?.Completed ?? [], renew ?? [], extend);
        }
        catch
        {
            record?.InDoubt();
            throw;
        }

        if (record is not null)
        {
            record.Log(logger);
            await _problems.DeadAsync(record.Dead, day);
        }

        return held;
    }
}
