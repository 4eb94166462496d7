using QeV.Worker.Notifications;
using QeV.Worker.Office;
using Quartz;

namespace QeV.Worker.Scheduling;

/// <summary>Recomputes every deadline from the facts and writes the notices owed today to the ledger.</summary>
[DisallowConcurrentExecution]
public sealed class ScanJob(NotificationCycle cycle, OfficeClock clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await cycle.ScanAsync(clock.Today, cancellationToken);
}
