using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QeV.Worker.Notifications;
using QeV.Worker.Office;
using Quartz;

namespace QeV.Worker.Scheduling;

/// <summary>
/// A worker that was down catches up from state when it starts: one scan at once, and today's digests if their time
/// has passed already. Both are idempotent, so a restart or a second instance changes nothing.
/// </summary>
public sealed class CatchUpOnStart(NotificationCycle cycle, OfficeClock clock, IOptions<ScheduleOptions> schedule, ILogger<CatchUpOnStart> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var today = clock.Today;
            // The digest run scans first (and only scans on a day off), so one of the two is enough.
            if (DigestTimePassed(today))
            {
                await cycle.DigestAsync(today, stoppingToken);
            }
            else
            {
                await cycle.ScanAsync(today, stoppingToken);
            }

            await cycle.DispatchAsync(today, cycle.IsOfficeOpen(), stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The schedule tries again at its next firing; a failed catch-up must not stop the worker.
            logger.LogError(ex, "Nachholen beim Start fehlgeschlagen");
        }
    }

    private bool DigestTimePassed(DateOnly today)
    {
        var cron = new CronExpression(schedule.Value.DigestCron, clock.Zone);
        var next = cron.GetNextValidTimeAfter(clock.ToInstant(today, TimeOnly.MinValue));
        return next is { } firing && firing <= clock.UtcNow && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(firing, clock.Zone).DateTime) == today;
    }
}
