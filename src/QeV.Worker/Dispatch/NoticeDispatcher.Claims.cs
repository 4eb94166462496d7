using Microsoft.Extensions.Logging;
using QeV.Domain.Planning;
using QeV.Worker.Diagnostics;
using QeV.Worker.Ledger;

namespace QeV.Worker.Dispatch;

// The dispatcher's claims: the next batch claimed and prepared, and given back when the run ends before it.
public sealed partial class NoticeDispatcher
{
    /// <summary>What the claims of one run share.</summary>
    private sealed record ClaimRun(
        DateOnly Day, bool OfficeOpen, DateTimeOffset RunStart, StillOwed StillOwed, RunCounts Counts, TransportBreaker Breaker, CancellationToken Stopping);

    /// <summary>
    /// Claims the next batch and prepares it; null when nothing is left, the run is stopping or the breaker is open. A
    /// batch claimed is prepared whatever happens to the run meanwhile, and given back if that fails, so no claim is
    /// left behind half-done.
    /// </summary>
    private async Task<List<DispatchItem>?> ClaimNextAsync(ClaimRun run, int addresses)
    {
        if (run.Stopping.IsCancellationRequested || run.Breaker.IsOpen)
            return null;
        var o = options.Value;
        var claimedAt = time.GetUtcNow();
        var started = PhaseTimes.Start();
        var batch = await ledger.ClaimAsync(Worker, claimedAt, run.RunStart, run.Day, run.OfficeOpen, o.ClaimLease, addresses, run.Stopping);
        run.Counts.Phases.Stop(Phase.Claim, started);
        if (batch.Count == 0)
            return null;
        try
        {
            started = PhaseTimes.Start();
            var items = await PrepareAsync(batch, run.StillOwed, run.Counts, run.Day, CancellationToken.None);
            run.Counts.Phases.Stop(Phase.Prepare, started);
            foreach (var item in items)
                item.HeldUntil = claimedAt + o.ClaimLease;
            return items;
        }
        catch
        {
            await ledger.ReleaseAsync([.. batch.Select(r => r.NoticeKey)], Worker, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The batch claimed ahead when the run ended early (stop, breaker, a failure): given back untouched.</summary>
    private async Task ReleaseUnsentAsync(Task<List<DispatchItem>?>? next, RunCounts counts)
    {
        if (next is null)
            return;
        List<DispatchItem>? items;
        try
        {
            items = await next;
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            return; // nothing claimed (the claim did not commit), or given back already by ClaimNextAsync
        }

        if (items is null)
            return;
        await ledger.ReleaseAsync([.. items.Select(i => i.Key)], Worker, CancellationToken.None);
        lock (_progress)
            counts.Released += items.Count;
    }

    /// <summary>Drops what is no longer owed and reads what earlier runs recorded per recipient.</summary>
    private async Task<List<DispatchItem>> PrepareAsync(IReadOnlyList<NoticeRow> batch, StillOwed stillOwed, RunCounts counts, DateOnly day, CancellationToken ct)
    {
        var earlier = await ledger.DeliveriesAsync([.. batch.Select(r => r.NoticeKey)], ct);
        var readable = new List<(NoticeRow Row, NoticeContent Content)>(batch.Count);
        foreach (var row in batch)
        {
            var (content, error) = NoticeJson.TryDeserialize(row.Content);
            if (content is null)
            {
                await _ledgerQueue.WriteAsync([], [new NoticeOutcome(row.NoticeKey, NoticeState.Dead, row.NextAttemptAt, error, false)], []);
                await _problems.DeadAsync([(row.ToStaffId ?? row.ToAddress, error, row.NoticeKey)], day);
                lock (_progress)
                    counts.Dead++;
            }
            else
            {
                row.Content = ""; // read: the JSON (about 800 bytes) would otherwise stay alive with the batch
                readable.Add((row, content));
            }
        }

        await stillOwed.LoadAsync([.. readable.Select(r => r.Content)], ct);
        var items = new List<DispatchItem>(readable.Count);
        foreach (var (row, content) in readable)
        {
            if (stillOwed.ReasonNotToSend(content) is { } reason)
            {
                await ledger.MarkObsoleteAsync(row.NoticeKey, Worker, reason, ct);
                logger.LogInformation("Nachricht {NoticeKey} nicht versendet: {Reason}", row.NoticeKey, reason);
                lock (_progress)
                    counts.Obsolete++;
                continue;
            }

            items.Add(new DispatchItem(row, content, earlier[row.NoticeKey]));
        }

        return items;
    }
}
