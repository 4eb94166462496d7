using System.Data.Common;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using QeV.Worker.Ledger;

namespace QeV.Worker.Dispatch;

/// <summary>
/// The ledger writes of one run's connections, taken together: what comes in while a write is under way goes into the
/// next transaction with everything else that queued meanwhile (group commit). Each connection waits for its own write
/// before it sends its next mail, so at most one mail per connection is ever sent but not recorded (the crash window
/// stays one repeat per kill and connection); the mails of a run just share transactions. A failed transaction is
/// retried as a whole by <paramref name="write"/>; if it fails for good, every write in it fails.
/// </summary>
internal sealed class LedgerQueue(Func<LedgerBatch, Task<HashSet<string>>> write, Func<Task>? apply = null)
{
    private readonly Lock _lock = new();
    private List<Entry> _queued = [];
    private bool _writing;

    /// <summary>
    /// The queue of <paramref name="worker"/>'s run: each transaction is retried as a write (8 tries, 250 ms
    /// exponential up to 5 s), never by sending again, which would repeat the mail.
    /// </summary>
    public static LedgerQueue Retried(NoticeLedger ledger, string worker, TimeProvider time, IOptions<DispatchOptions> options)
    {
        var retry = Retry(time);
        return new LedgerQueue(
            batch => retry.ExecuteAsync(async token =>
            {
                var now = time.GetUtcNow();
                return await ledger.WriteAsync(worker, now, now + options.Value.ClaimLease, batch.Deliveries, batch.Outcomes, batch.Renew, batch.Check, token);
            }, CancellationToken.None).AsTask(),
            () => retry.ExecuteAsync(async token => await ledger.ApplyJournalAsync(worker, token), CancellationToken.None).AsTask());
    }

    /// <summary>8 tries, 250 ms exponential up to 5 s, for a database that is busy or briefly away.</summary>
    private static ResiliencePipeline Retry(TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DbException>().Handle<TimeoutException>().Handle<InvalidOperationException>(e => e.InnerException is DbException),
                MaxRetryAttempts = 8,
                Delay = TimeSpan.FromMilliseconds(250),
                BackoffType = DelayBackoffType.Exponential,
                MaxDelay = TimeSpan.FromSeconds(5),
            })
            .Build();

    /// <summary>Applies what this run journaled to the notices (see <see cref="NoticeLedger.ApplyJournalAsync"/>), retried as a write.</summary>
    public Task ApplyAsync() => apply?.Invoke() ?? Task.CompletedTask;

    /// <summary>
    /// Records what a mail did and/or renews (or, if <paramref name="extend"/> is false, checks) the claims of the next
    /// one; returns those of <paramref name="renew"/> still held.
    /// </summary>
    public async Task<HashSet<string>> WriteAsync(IReadOnlyList<DeliveryUpdate> deliveries, IReadOnlyList<NoticeOutcome> outcomes, IReadOnlyList<string> renew, bool extend = true)
    {
        var entry = new Entry(deliveries, outcomes, extend ? renew : [], extend ? [] : renew);
        bool lead;
        lock (_lock)
        {
            _queued.Add(entry);
            lead = !_writing;
            _writing = true;
        }

        if (lead)
            await WriteQueuedAsync(handOver: true);
        var held = await entry.Done.Task;
        held.IntersectWith(renew);
        return held;
    }

    /// <summary>Writes what is queued in one transaction; the first writer then hands the rest to a pool thread and returns to its mail.</summary>
    private async Task WriteQueuedAsync(bool handOver)
    {
        while (true)
        {
            List<Entry> batch;
            lock (_lock)
            {
                if (_queued.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batch = _queued;
                _queued = [];
            }

            try
            {
                var held = await write(new LedgerBatch(
                    [.. batch.SelectMany(e => e.Deliveries)], [.. batch.SelectMany(e => e.Outcomes)], [.. batch.SelectMany(e => e.Renew)], [.. batch.SelectMany(e => e.Check)]));
                foreach (var e in batch)
                    e.Done.TrySetResult([.. held]);
            }
            catch (Exception ex)
            {
                foreach (var e in batch)
                    e.Done.TrySetException(ex);
            }

            if (handOver)
            {
                lock (_lock)
                {
                    if (_queued.Count == 0)
                    {
                        _writing = false;
                        return;
                    }
                }

                _ = Task.Run(() => WriteQueuedAsync(handOver: false));
                return;
            }
        }
    }

    private sealed record Entry(IReadOnlyList<DeliveryUpdate> Deliveries, IReadOnlyList<NoticeOutcome> Outcomes, IReadOnlyList<string> Renew, IReadOnlyList<string> Check)
    {
        public TaskCompletionSource<HashSet<string>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
