using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using QeV.Domain.Planning;
using QeV.Domain.Rules;
using QeV.Worker.Deadlines;
using QeV.Worker.Ledger;

namespace QeV.Worker.Dispatch;

/// <summary>
/// Claims what may go now, renders and delivers it, then records the outcome: sent only after the server accepted,
/// a transient failure retried (Polly within the run, then with growing delays across runs), a 5xx answer dead at once.
/// </summary>
public sealed class NoticeDispatcher(
    NoticeLedger ledger,
    DataProblemStore problems,
    INoticeMailFactory mails,
    IMailTransport transport,
    DeadlineService deadlines,
    TimeProvider time,
    IOptions<DispatchOptions> options,
    ILogger<NoticeDispatcher> logger) : IDisposable
{
    private static readonly string Worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(DeliveryFailure.IsTransient),
            MaxRetryAttempts = Math.Max(1, options.Value.ImmediateRetries),
            Delay = options.Value.ImmediateRetryDelay,
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    // One delivery loop per process: the dispatch, digest and start-up paths queue here instead of sending side by side,
    // so a process has at most one message in flight.
    private readonly SemaphoreSlim _oneLoop = new(1, 1);

    public async Task<DispatchResult> DispatchAsync(DateOnly day, bool officeOpen, CancellationToken ct)
    {
        await _oneLoop.WaitAsync(ct);
        try
        {
            return await DispatchBatchesAsync(day, officeOpen, ct);
        }
        finally
        {
            _oneLoop.Release();
        }
    }

    private async Task<DispatchResult> DispatchBatchesAsync(DateOnly day, bool officeOpen, CancellationToken ct)
    {
        int sent = 0, retrying = 0, dead = 0, obsolete = 0;
        var stillOwed = new StillOwed(deadlines, day);
        while (true)
        {
            var batch = await ledger.ClaimAsync(Worker, time.GetUtcNow(), day, officeOpen, options.Value.ClaimLease, 20, ct);
            if (batch.Count == 0)
            {
                return new DispatchResult(sent, retrying, dead) { Obsolete = obsolete };
            }

            foreach (var row in batch)
            {
                if (!await ledger.RenewClaimAsync(row.NoticeKey, Worker, time.GetUtcNow() + options.Value.ClaimLease, ct))
                {
                    logger.LogInformation("Nachricht {NoticeKey} wurde inzwischen von einer anderen Instanz übernommen", row.NoticeKey);
                    continue;
                }

                if (await stillOwed.ReasonNotToSendAsync(row, ct) is { } reason)
                {
                    await ledger.MarkObsoleteAsync(row.NoticeKey, Worker, reason, ct);
                    logger.LogInformation("Nachricht {NoticeKey} nicht versendet: {Reason}", row.NoticeKey, reason);
                    obsolete++;
                    continue;
                }

                switch (await DeliverAsync(row, day, ct))
                {
                    case true: sent++; break;
                    case false: retrying++; break;
                    default: dead++; break;
                }
            }
        }
    }

    /// <summary>true: sent; false: will be retried; null: dead.</summary>
    private async Task<bool?> DeliverAsync(NoticeRow row, DateOnly day, CancellationToken ct)
    {
        try
        {
            var content = NoticeJson.Deserialize(row.Content);
            var attempts = options.Value.ImmediateRetries > 0 ? _retry : ResiliencePipeline.Empty;
            await attempts.ExecuteAsync(async token =>
            {
                using var message = mails.Create(content);
                await transport.SendAsync(message, token);
            }, ct);
            await ledger.MarkSentAsync(row.NoticeKey, Worker, time.GetUtcNow(), ct);
            logger.LogInformation("Nachricht {NoticeKey} an {StaffId} zugestellt", row.NoticeKey, row.ToStaffId);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var attempt = row.Attempts + 1;
            var final = DeliveryFailure.IsPermanent(ex) || attempt >= options.Value.MaxAttempts;
            var backoff = options.Value.RetryDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
            var next = time.GetUtcNow() + (backoff < options.Value.MaxRetryDelay ? backoff : options.Value.MaxRetryDelay);
            await ledger.MarkFailedAsync(row.NoticeKey, Worker, final ? NoticeState.Dead : NoticeState.Failed, next, DeliveryFailure.Describe(ex), ct);
            if (!final)
            {
                logger.LogWarning("Nachricht {NoticeKey}: Versuch {Attempt} fehlgeschlagen ({Error}), nächster Versuch {Next}",
                    row.NoticeKey, attempt, DeliveryFailure.Describe(ex), next);
                return false;
            }

            logger.LogError("Nachricht {NoticeKey} endgültig nicht zustellbar: {Error}", row.NoticeKey, DeliveryFailure.Describe(ex));
            await problems.RecordAsync(
                [new DataProblem(new DataProblemLine(row.ToStaffId ?? row.ToAddress, null, DataProblemStore.DeliveryProblem + ": " + DeliveryFailure.Describe(ex), row.NoticeKey), null)],
                day, ct);
            return null;
        }
    }

    public void Dispose() => _oneLoop.Dispose();
}
