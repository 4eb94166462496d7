using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using QeV.Domain.Planning;
using QeV.Worker.Deadlines;
using QeV.Worker.Dispatch.Delivery;
using QeV.Worker.Ledger;

namespace QeV.Worker.Dispatch;

/// <summary>
/// Claims what may go now, groups it into mails (bundled per person and day unless switched off), sends them over up to
/// N connections, and records each mail's outcome per recipient right after the server answered. A transport failure
/// leaves the notices owed; the breaker ends the run after a few in a row. A refused recipient concerns that recipient.
/// </summary>
public sealed class NoticeDispatcher(
    NoticeLedger ledger,
    DataProblemStore problems,
    NoticeMailFactory mails,
    IMailTransport transport,
    DeadlineService deadlines,
    TimeProvider time,
    IOptions<DispatchOptions> options,
    ILogger<NoticeDispatcher> logger) : IDisposable
{
    /// <summary>Recipients per claim: everything owed to each of them is claimed together, so it can go as one mail.</summary>
    public const int AddressesPerClaim = 50;

    private static readonly string Worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    // One delivery loop per process: the dispatch, digest and start-up paths queue here instead of sending side by side.
    private readonly SemaphoreSlim _oneLoop = new(1, 1);
    private readonly Lock _progress = new();

    // The mails of a run go out side by side, but their ledger writes queue inside the process and share transactions:
    // SQLite has one writer, and writers that collide wait in its busy handler's sleeps instead of queueing here.
    private readonly LedgerQueue _ledgerQueue = new(LedgerWriter(ledger, time, options));
    private string? _lastOutage;

    public async Task<DispatchResult> DispatchAsync(DateOnly day, bool officeOpen, CancellationToken ct)
    {
        await _oneLoop.WaitAsync(ct);
        try
        {
            return await RunAsync(day, officeOpen, ct);
        }
        finally
        {
            _oneLoop.Release();
        }
    }

    private async Task<DispatchResult> RunAsync(DateOnly day, bool officeOpen, CancellationToken stopping)
    {
        var o = options.Value;
        var breaker = new TransportBreaker(o, time);
        var counts = new RunCounts();
        var runStart = time.GetUtcNow();
        var started = time.GetTimestamp();
        var stillOwed = new StillOwed(deadlines, day);
        try
        {
            while (!stopping.IsCancellationRequested && !breaker.IsOpen)
            {
                var batch = await ledger.ClaimAsync(Worker, time.GetUtcNow(), runStart, day, officeOpen, o.ClaimLease, AddressesPerClaim, stopping);
                if (batch.Count == 0)
                    break;

                var items = await PrepareAsync(batch, stillOwed, counts, day, stopping);
                var planned = MailGrouping.Plan(items, o.Bundle, day);
                foreach (var item in planned.SelectMany(m => m.Items))
                    item.MailsLeft++;

                await Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = transport.Parallelism }, async (mail, _) =>
                {
                    // A graceful stop or an open breaker lets mails in flight finish; the others are released below.
                    if (!stopping.IsCancellationRequested && !breaker.IsOpen)
                        await SendAsync(mail, breaker, counts, day);
                });

                var untried = items.Where(i => !i.Done && !i.InDoubt && !i.Lost).Select(i => i.Key).ToList();
                await ledger.ReleaseAsync(untried, Worker, CancellationToken.None);
                counts.Released += untried.Count;
            }
        }
        finally
        {
            await transport.CloseAsync(CancellationToken.None);
        }

        await ReportOutageAsync(breaker.Reason, counts.LastTransportError is not null, day);
        var result = counts.Result(breaker.Reason);
        if (result.Mails > 0)
        {
            var seconds = time.GetElapsedTime(started).TotalSeconds;
            logger.LogInformation("Versand über {Target}: {Mails} Mails mit {Sent} Nachrichten in {Seconds:0.00} s ({Rate:0} Mails/s)",
                transport.Target, result.Mails, result.Sent, seconds, result.Mails / Math.Max(seconds, 0.001));
        }

        return result;
    }

    /// <summary>Drops what is no longer owed and reads what earlier runs recorded per recipient.</summary>
    private async Task<List<DispatchItem>> PrepareAsync(IReadOnlyList<NoticeRow> batch, StillOwed stillOwed, RunCounts counts, DateOnly day, CancellationToken ct)
    {
        var earlier = await ledger.DeliveriesAsync([.. batch.Select(r => r.NoticeKey)], ct);
        var items = new List<DispatchItem>(batch.Count);
        foreach (var row in batch)
        {
            NoticeContent content;
            try
            {
                content = NoticeJson.Deserialize(row.Content);
            }
            catch (JsonException ex)
            {
                var error = "Inhalt nicht lesbar: " + ex.Message;
                await WriteAsync([], [new NoticeOutcome(row.NoticeKey, NoticeState.Dead, row.NextAttemptAt, error, false)], []);
                await RecordProblemsAsync([(row.ToStaffId ?? row.ToAddress, error, row.NoticeKey)], day);
                counts.Dead++;
                continue;
            }

            if (await stillOwed.ReasonNotToSendAsync(content, ct) is { } reason)
            {
                await ledger.MarkObsoleteAsync(row.NoticeKey, Worker, reason, ct);
                logger.LogInformation("Nachricht {NoticeKey} nicht versendet: {Reason}", row.NoticeKey, reason);
                counts.Obsolete++;
                continue;
            }

            items.Add(new DispatchItem(row, content, earlier[row.NoticeKey]));
        }

        return items;
    }

    private async Task SendAsync(OutgoingMail mail, TransportBreaker breaker, RunCounts counts, DateOnly day)
    {
        // Every line about this mail carries its key and its notices' keys (Seq, CLEF files): search by key, never by name.
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["MailKey"] = mail.Key, ["NoticeKeys"] = string.Join(' ', mail.Items.Select(i => i.Key)),
        });
        var held = await WriteAsync([], [], [.. mail.Items.Select(i => i.Key)]);

        foreach (var lost in mail.Items.Where(i => !held.Contains(i.Key)))
        {
            lost.Lost = true;
            logger.LogInformation("Nachricht {NoticeKey} wurde inzwischen von einer anderen Instanz übernommen", lost.Key);
        }

        var parts = mail.Parts.Where(p => held.Contains(p.Item.Key)).ToList();
        if (parts.Count == 0)
            return;
        mail = mail with { Parts = parts };

        IReadOnlyList<RecipientResult>? results = null;
        string? transportError = null;
        try
        {
            using var message = Build(mail, day);
            var envelope = mail.Addresses.Select(a => new MailboxAddress((string?)null, a)).ToList();
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
        }
        catch (TransportException ex)
        {
            transportError = ex.Message;
            logger.LogWarning("Mail {MailKey} nicht versendet: {Error}", mail.Key, ex.Message);
        }
        catch (Exception ex) when (ex is BrokenCircuitException or IsolatedCircuitException)
        {
            return; // not attempted: released as owed at the end of the batch
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            // The notice cannot be rendered (a broken template): retrying will not help.
            results = [.. mail.Addresses.Select(a => new RecipientResult(a, RecipientOutcome.Permanent, "Nachricht nicht erstellbar: " + ex.Message))];
        }

        await RecordAsync(mail, results, transportError, counts, day);
    }

    private MimeMessage Build(OutgoingMail mail, DateOnly day) =>
        mail.BundleRecipient is { } to
            ? mails.CreateBundle(mail.Key, to, day, [.. mail.Items.Select(i => i.Content)])
            : mails.Create(mail.Items[0].Content);

    private async Task RecordAsync(OutgoingMail mail, IReadOnlyList<RecipientResult>? results, string? transportError, RunCounts counts, DateOnly day)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var deliveries = new List<DeliveryUpdate>();
        var completed = new List<NoticeOutcome>();
        var dead = new List<(string Staff, string Problem, string Key)>();
        lock (_progress)
        {
            foreach (var (item, address) in mail.Parts)
            {
                if (results is null)
                {
                    counts.LastTransportError = transportError;
                    item.Failed(transportError!);
                    continue;
                }

                var result = results.FirstOrDefault(r => string.Equals(r.Address, address, StringComparison.OrdinalIgnoreCase))
                    ?? new RecipientResult(address, RecipientOutcome.Temporary, "keine Antwort für diesen Empfänger");
                var exhausted = result.Outcome == RecipientOutcome.Temporary && item.AttemptsOf(address) + 1 >= o.MaxAttempts;
                var state = result.Outcome switch
                {
                    RecipientOutcome.Accepted => NoticeState.Sent,
                    RecipientOutcome.Temporary when !exhausted => NoticeState.Failed,
                    _ => NoticeState.Dead,
                };
                deliveries.Add(item.Record(address, state, result.Reply));
                if (state == NoticeState.Dead)
                    dead.Add((item.StaffIdOf(address) ?? address, DataProblemStore.DeliveryProblem + ": " + result.Reply, item.Key));
            }

            foreach (var item in mail.Items)
            {
                if (--item.MailsLeft == 0 && !item.Lost)
                {
                    var outcome = item.Outcome(now, o);
                    completed.Add(outcome);
                    item.Done = true;
                    counts.Add(outcome, waiting: results is null);
                }
            }

            counts.Mails += results?.Any(r => r.Outcome == RecipientOutcome.Accepted) == true ? 1 : 0;
        }

        try
        {
            await WriteAsync(deliveries, completed, []);
        }
        catch
        {
            foreach (var item in mail.Items)
                item.InDoubt = true;
            throw;
        }

        // One line per notice, with its properties (Seq, CLEF files): search by case or person, never by name.
        var items = mail.Items.ToDictionary(i => i.Key, StringComparer.Ordinal);
        foreach (var notice in deliveries.GroupBy(d => d.NoticeKey, StringComparer.Ordinal))
        {
            var item = items[notice.Key];
            using var noticeScope = logger.BeginScope(new Dictionary<string, object?>
            {
                ["NoticeKey"] = notice.Key, ["Rule"] = item.Row.Rule, ["CaseId"] = item.Row.CaseId, ["StaffId"] = item.Row.ToStaffId,
            });
            var sent = notice.Where(d => d.State == NoticeState.Sent).Select(d => d.Address).ToList();
            if (sent.Count > 0)
                logger.LogInformation("Nachricht {NoticeKey} an {Recipient} zugestellt ({MailKey})", notice.Key, string.Join(", ", sent), mail.Key);
            foreach (var d in notice.Where(d => d.State != NoticeState.Sent))
                logger.LogWarning("Nachricht {NoticeKey} an {Recipient}: {State} ({Error})", d.NoticeKey, d.Address, d.State, d.Error);
        }

        await RecordProblemsAsync(dead, day);
    }

    /// <summary>Through the run's queue: one transaction with the other connections' writes, retried as a whole.</summary>
    private Task<HashSet<string>> WriteAsync(IReadOnlyList<DeliveryUpdate> deliveries, IReadOnlyList<NoticeOutcome> outcomes, IReadOnlyList<string> renew) =>
        _ledgerQueue.WriteAsync(deliveries, outcomes, renew);

    private static Func<LedgerBatch, Task<HashSet<string>>> LedgerWriter(NoticeLedger ledger, TimeProvider time, IOptions<DispatchOptions> options)
    {
        // A ledger write after the server's 250 is retried as a write; sending again would repeat the mail.
        var retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DbException>().Handle<TimeoutException>().Handle<InvalidOperationException>(e => e.InnerException is DbException),
                MaxRetryAttempts = 8,
                Delay = TimeSpan.FromMilliseconds(250),
                BackoffType = DelayBackoffType.Exponential,
                MaxDelay = TimeSpan.FromSeconds(5),
            })
            .Build();
        return batch => retry.ExecuteAsync(async token =>
        {
            var now = time.GetUtcNow();
            return await ledger.WriteAsync(Worker, now, now + options.Value.ClaimLease, batch.Deliveries, batch.Outcomes, batch.Renew, token);
        }, CancellationToken.None).AsTask();
    }

    private async Task RecordProblemsAsync(List<(string Staff, string Problem, string Key)> dead, DateOnly day)
    {
        if (dead.Count == 0)
            return;
        foreach (var (staff, problem, key) in dead)
            logger.LogError("Nachricht {NoticeKey} an {StaffId} endgültig nicht zustellbar: {Problem}", key, staff, problem);
        await problems.RecordAsync([.. dead.Select(d => new DataProblem(new DataProblemLine(d.Staff, null, d.Problem, d.Key), null))], day, CancellationToken.None);
    }

    /// <summary>Says once what is wrong with the mail server (log and admin report), and once that it answers again.</summary>
    private async Task ReportOutageAsync(string? reason, bool transportFailed, DateOnly day)
    {
        if (reason is null)
        {
            if (transportFailed)
                return;
            if (_lastOutage is not null)
                logger.LogInformation("Mailserver {Target} nimmt wieder an", transport.Target);
            _lastOutage = null;
            return;
        }

        if (reason == _lastOutage)
            return;
        _lastOutage = reason;
        logger.LogError("Versand angehalten: {Reason}. Die Nachrichten bleiben offen und gehen, sobald der Mailserver wieder annimmt", reason);
        await problems.RecordAsync([new DataProblem(new DataProblemLine("Mailserver", null, "Versand angehalten: " + reason, transport.Target), null)], day, CancellationToken.None);
    }

    public void Dispose()
    {
        _oneLoop.Dispose();
    }
}
