using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QeV.Domain.Planning;
using QeV.Worker.Deadlines;
using QeV.Worker.Diagnostics;
using QeV.Worker.Dispatch.Delivery;
using QeV.Worker.Ledger;

namespace QeV.Worker.Dispatch;

/// <summary>
/// Claims what may go now, groups it into mails (bundled per person and day unless switched off), sends them over up to
/// N connections, and records each mail's outcome per recipient right after the server answered. A transport failure
/// leaves the notices owed; the breaker ends the run after a few in a row. A refused recipient concerns that recipient.
/// </summary>
public sealed partial class NoticeDispatcher(
    NoticeLedger ledger,
    DataProblemStore problems,
    NoticeMailFactory mails,
    IMailTransport transport,
    DeadlineService deadlines,
    TimeProvider time,
    IOptions<DispatchOptions> options,
    IOptions<MailOptions> mailOptions,
    ILogger<NoticeDispatcher> logger) : IDisposable
{
    /// <summary>Recipients of a run's first claim (each later one twice the last): everything owed to each of them is claimed together, so it can go as one mail.</summary>
    public const int AddressesPerClaim = 50;

    /// <summary>The most recipients per claim, however long the run.</summary>
    public const int MaxAddressesPerClaim = 800;

    // Room beyond the longest delivery for rendering the mail and recording the one before it.
    private static readonly TimeSpan ExtendMargin = TimeSpan.FromSeconds(5);

    internal static readonly string Worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    // One delivery loop per process: the dispatch, digest and start-up paths queue here instead of sending side by side.
    private readonly SemaphoreSlim _oneLoop = new(1, 1);
    private readonly Lock _progress = new();

    // The mails of a run go out side by side, but their ledger writes queue inside the process and share transactions:
    // SQLite has one writer, and writers that collide wait in its busy handler's sleeps instead of queueing here.
    private readonly LedgerQueue _ledgerQueue = LedgerQueue.Retried(ledger, Worker, time, options);
    private readonly DeliveryProblems _problems = new(problems, logger);

    /// <summary>
    /// Sends what is owed on <paramref name="day"/>. <paramref name="refreshed"/>: the deadlines table as a scan of the
    /// same run refreshed it a moment ago (`run --once`), so the still-owed check need not refresh it again.
    /// </summary>
    public async Task<DispatchResult> DispatchAsync(DateOnly day, bool officeOpen, CancellationToken ct, TableScan? refreshed = null)
    {
        await _oneLoop.WaitAsync(ct);
        try
        {
            return await RunAsync(day, officeOpen, refreshed, ct);
        }
        finally
        {
            _oneLoop.Release();
        }
    }

    private async Task<DispatchResult> RunAsync(DateOnly day, bool officeOpen, TableScan? refreshed, CancellationToken stopping)
    {
        var o = options.Value;
        var breaker = new TransportBreaker(o, time);
        var counts = new RunCounts();
        var runStart = time.GetUtcNow();
        var started = time.GetTimestamp();
        var stillOwed = new StillOwed(deadlines, day, refreshed);
        var claims = new ClaimRun(day, officeOpen, runStart, stillOwed, counts, breaker, stopping);
        Task<List<DispatchItem>?>? next = null;
        try
        {
            var addresses = AddressesPerClaim;
            next = ClaimNextAsync(claims, addresses);
            while (true)
            {
                var items = await next;
                next = null;
                if (items is null)
                    break;

                // A long run claims more at a time (each claim reads every claimable row); the first claims stay small,
                // so instances starting together share the work. The next claim and its preparation run while this
                // batch is sent: the database's share of the gap between two batches.
                addresses = Math.Min(addresses * 2, MaxAddressesPerClaim);
                var size = addresses;
                next = Task.Run(() => ClaimNextAsync(claims, size), CancellationToken.None);
                await SendBatchAsync(items, breaker, counts, day, stopping);
                if (stopping.IsCancellationRequested || breaker.IsOpen)
                    break;
            }
        }
        finally
        {
            await ReleaseUnsentAsync(next, counts);
            await transport.CloseAsync(CancellationToken.None);
        }

        await _problems.OutageAsync(breaker.Reason, counts.LastTransportError is not null, transport.Target, day);
        var result = counts.Result(breaker.Reason);
        if (result.Mails > 0)
        {
            var seconds = time.GetElapsedTime(started).TotalSeconds;
            logger.LogInformation("Versand über {Target}: {Mails} Mails mit {Sent} Nachrichten in {Seconds:0.00} s ({Rate:0} Mails/s)",
                transport.Target, result.Mails, result.Sent, seconds, result.Mails / Math.Max(seconds, 0.001));
        }

        return result;
    }

    /// <summary>Sends one prepared batch over the connections, then applies its journal and gives back what was not tried.</summary>
    private async Task SendBatchAsync(List<DispatchItem> items, TransportBreaker breaker, RunCounts counts, DateOnly day, CancellationToken stopping)
    {
        var planned = MailGrouping.Plan(items, options.Value.Bundle, day);
        foreach (var mail in planned)
        {
            foreach (var item in mail.Items)
                item.MailsLeft++;
        }

        var queue = new ConcurrentQueue<OutgoingMail>(planned);
        var lanes = new Task[Math.Min(transport.Parallelism, planned.Count)];
        var run = new BatchRun(breaker, counts, day, stopping);
        for (var i = 0; i < lanes.Length; i++)
            lanes[i] = Task.Run(() => LaneAsync(queue, run), CancellationToken.None);
        try
        {
            await Task.WhenAll(lanes);
        }
        catch
        {
            await ApplyJournalQuietlyAsync();
            throw;
        }

        // The batch's journaled records onto the notices, in one transaction (should this fail, the next claim of any
        // instance applies them before it takes anything).
        var started = PhaseTimes.Start();
        await _ledgerQueue.ApplyAsync();
        counts.Phases.Stop(Phase.Apply, started);

        var untried = items.Where(i => !i.Done && !i.InDoubt && !i.Lost).Select(i => i.Key).ToList();
        if (untried.Count > 0)
        {
            started = PhaseTimes.Start();
            await ledger.ReleaseAsync(untried, Worker, CancellationToken.None);
            counts.Phases.Stop(Phase.Release, started);
        }

        lock (_progress)
            counts.Released += untried.Count;
    }

    /// <summary>A lane failed: what the others journaled is applied if the database lets it; the lane's error is the one reported.</summary>
    private async Task ApplyJournalQuietlyAsync()
    {
        try
        {
            await _ledgerQueue.ApplyAsync();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning("Versandjournal nicht übernommen ({Error}); der nächste Versandlauf übernimmt es zuerst", ex.Message);
        }
    }

    /// <summary>
    /// One connection's turn through the batch: each mail's outcome is written in the same transaction as the claim
    /// renewal of the connection's next mail, and that commits before the next mail goes; so at most one mail per
    /// connection is ever sent but not recorded. A graceful stop or an open breaker lets the mail in flight finish.
    /// </summary>
    private async Task LaneAsync(ConcurrentQueue<OutgoingMail> queue, BatchRun lane)
    {
        MailRecord? pending = null;
        try
        {
            while (!lane.Stopping.IsCancellationRequested && !lane.Breaker.IsOpen && !lane.Failed && queue.TryDequeue(out var mail))
                pending = await SendAsync(mail, pending, lane);
            var started = PhaseTimes.Start();
            await RecordAndRenewAsync(pending, null, extend: false, lane.Day);
            lane.Counts.Phases.Stop(Phase.Record, started);
        }
        catch
        {
            lane.Failed = true;
            throw;
        }
    }

    public void Dispose()
    {
        _oneLoop.Dispose();
    }
}
