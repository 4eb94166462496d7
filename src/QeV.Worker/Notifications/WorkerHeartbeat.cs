using System.Diagnostics;
using Microsoft.Extensions.Logging;
using QeV.Worker.Dispatch;
using QeV.Domain.Rules;
using QeV.Worker.Store;

using QeV.Worker.Operations;

namespace QeV.Worker.Notifications;

/// <summary>
/// What every scan and dispatch leaves behind for operations: the instants `qev health` checks, the metrics, and the
/// admin alert when delivery has failed for a while. A failure here is logged and never fails the run itself.
/// </summary>
public sealed class WorkerHeartbeat(WorkerStatusStore status, QevMetrics metrics, DispatchAlert alert, TimeProvider time, ILogger<WorkerHeartbeat> logger)
{
    public async Task ScannedAsync(DateOnly day, IReadOnlyList<Deadline> deadlines, TimeSpan duration, CancellationToken ct)
    {
        metrics.Scanned(deadlines, duration);
        await Guard(() => status.SetAsync(WorkerStatusStore.Scan, time.GetUtcNow(), day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ct));
    }

    /// <summary>As above, with the counts per rule and status already taken (by SQL, from the deadlines table).</summary>
    public async Task ScannedAsync(DateOnly day, IReadOnlyList<(string Rule, string Status, long Count)> counts, TimeSpan duration, CancellationToken ct)
    {
        metrics.Scanned(counts, duration);
        await Guard(() => status.SetAsync(WorkerStatusStore.Scan, time.GetUtcNow(), day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ct));
    }

    public async Task DispatchedAsync(DispatchResult result, TimeSpan duration, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        TimeSpan? oldest = null;
        await Guard(async () =>
        {
            await status.SetAsync(WorkerStatusStore.Dispatch, now, $"{result.Sent} versendet, {result.Retrying} Wiederholung, {result.Dead} unzustellbar", ct);
            oldest = await status.OldestOwedAsync(ct) is { } created ? now - created : null;
            await alert.ObserveAsync(result, now, ct);
        });
        metrics.Dispatched(result, duration, oldest);
    }

    public static Stopwatch Start() => Stopwatch.StartNew();

    private async Task Guard(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Betriebsstatus nicht gespeichert");
        }
    }
}
