using QeV.Worker.Notifications;
using QeV.Worker.Office;
using Quartz;

namespace QeV.Worker.Scheduling;

/// <summary>Writes the team leads' digests of the day (once per lead and day) and hands them to dispatch.</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(NotificationCycle cycle, OfficeClock clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        await cycle.DigestAsync(today, cancellationToken);
        await cycle.DispatchAsync(today, cycle.IsOfficeOpen(), cancellationToken);
    }
}
