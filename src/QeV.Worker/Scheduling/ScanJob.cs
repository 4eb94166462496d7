using Microsoft.Extensions.Logging;
using QeV.Worker.Office;
using QeV.Worker.Reports;
using QeV.Worker.Rules;
using Quartz;

namespace QeV.Worker.Scheduling;

/// <summary>Recomputes every deadline from the facts and logs the state of the day.</summary>
[DisallowConcurrentExecution]
public sealed class ScanJob(DeadlineService deadlines, OfficeClock clock, ILogger<ScanJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var snapshot = await deadlines.EvaluateAsync(today, cancellationToken);
        var listed = DeadlineReport.Select(snapshot.Deadlines, today, 90, includeFulfilled: false);
        logger.LogInformation("Fristen-Scan {Day}: {Summary}", today, DeadlineTable.Summary(listed));
    }
}
