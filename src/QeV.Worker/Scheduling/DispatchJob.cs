using QeV.Worker.Notifications;
using QeV.Worker.Office;
using Quartz;

namespace QeV.Worker.Scheduling;

/// <summary>Delivers what the ledger holds for now: in office hours everything due, outside only immediate notices.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchJob(NotificationCycle cycle, OfficeClock clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await cycle.DispatchAsync(clock.Today, cycle.IsOfficeOpen(), cancellationToken);
}
