using Microsoft.Extensions.Logging;
using QeV.Worker.Dispatch.Delivery;
using QeV.Worker.Ledger;

namespace QeV.Worker.Dispatch;

/// <summary>
/// What one mail did, per notice and recipient, as the ledger must learn it right after the server answered: the
/// delivery rows, the notices whose deliveries of this run are complete, and the recipients refused for good. It is
/// written together with the claim renewal of the connection's next mail (one transaction), and logged once written.
/// </summary>
internal sealed class MailRecord
{
    private MailRecord(OutgoingMail mail) => Mail = mail;

    public OutgoingMail Mail { get; }

    public List<DeliveryUpdate> Deliveries { get; } = [];

    public List<NoticeOutcome> Completed { get; } = [];

    public List<(string Staff, string Problem, string Key)> Dead { get; } = [];

    /// <summary>Counts the outcome of each part (the caller holds the run's progress lock).</summary>
    public static MailRecord Of(
        OutgoingMail mail, IReadOnlyList<RecipientResult>? results, string? transportError, RunCounts counts, DispatchOptions options, DateTimeOffset now)
    {
        var record = new MailRecord(mail);
        Dictionary<string, RecipientResult>? byAddress = null;
        if (results is not null)
        {
            byAddress = new Dictionary<string, RecipientResult>(StringComparer.OrdinalIgnoreCase);
            foreach (var r in results)
                byAddress.TryAdd(r.Address, r);
        }

        foreach (var (item, address) in mail.Parts)
        {
            if (byAddress is null)
            {
                counts.LastTransportError = transportError;
                item.Failed(transportError!);
                continue;
            }

            var result = byAddress.GetValueOrDefault(address)
                ?? new RecipientResult(address, RecipientOutcome.Temporary, "keine Antwort für diesen Empfänger");
            var exhausted = result.Outcome == RecipientOutcome.Temporary && item.AttemptsOf(address) + 1 >= options.MaxAttempts;
            var state = result.Outcome switch
            {
                RecipientOutcome.Accepted => NoticeState.Sent,
                RecipientOutcome.Temporary when !exhausted => NoticeState.Failed,
                _ => NoticeState.Dead,
            };
            record.Deliveries.Add(item.Record(address, state, result.Reply));
            if (state == NoticeState.Dead)
                record.Dead.Add((item.StaffIdOf(address) ?? address, DataProblemStore.DeliveryProblem + ": " + result.Reply, item.Key));
        }

        foreach (var item in mail.Items)
        {
            if (--item.MailsLeft == 0 && !item.Lost)
            {
                var outcome = item.Outcome(now, options);
                record.Completed.Add(outcome);
                item.Done = true;
                counts.Add(outcome, waiting: results is null);
            }
        }

        if (results is not null && results.Any(r => r.Outcome == RecipientOutcome.Accepted))
            counts.Mails++;
        return record;
    }

    /// <summary>The write failed for good: sent but not recorded, so these notices must stay claimed (in doubt).</summary>
    public void InDoubt()
    {
        foreach (var item in Mail.Items)
            item.InDoubt = true;
    }

    /// <summary>One line per notice, with its properties (Seq, CLEF files): search by case or person, never by name.</summary>
    public void Log(ILogger logger)
    {
        var info = logger.IsEnabled(LogLevel.Information);
        Dictionary<string, DispatchItem>? items = null;
        var i = 0;
        while (i < Deliveries.Count)
        {
            var key = Deliveries[i].NoticeKey;
            var end = i;
            while (end < Deliveries.Count && string.Equals(Deliveries[end].NoticeKey, key, StringComparison.Ordinal))
                end++;
            LogNotice(logger, info, ref items, i, end);
            i = end;
        }
    }

    private void LogNotice(ILogger logger, bool info, ref Dictionary<string, DispatchItem>? items, int from, int to)
    {
        var key = Deliveries[from].NoticeKey;
        var failed = false;
        var sent = new List<string>(to - from);
        for (var d = from; d < to; d++)
        {
            if (Deliveries[d].State == NoticeState.Sent)
                sent.Add(Deliveries[d].Address);
            else
                failed = true;
        }

        if (!failed && !info)
            return;
        items ??= Mail.Items.ToDictionary(x => x.Key, StringComparer.Ordinal);
        var row = items[key].Row;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["NoticeKey"] = key, ["Rule"] = row.Rule, ["CaseId"] = row.CaseId, ["StaffId"] = row.ToStaffId,
        });
        if (sent.Count > 0)
            logger.LogInformation("Nachricht {NoticeKey} an {Recipient} zugestellt ({MailKey})", key, string.Join(", ", sent), Mail.Key);
        for (var d = from; d < to; d++)
        {
            if (Deliveries[d].State != NoticeState.Sent)
                logger.LogWarning("Nachricht {NoticeKey} an {Recipient}: {State} ({Error})", key, Deliveries[d].Address, Deliveries[d].State, Deliveries[d].Error);
        }
    }
}
