namespace QeV.Worker.Scheduling;

/// <summary>Cron expressions (Quartz syntax, seconds first) of the worker's jobs, in the office time zone.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    [QuartzCron]
    public string ScanCron { get; set; } = "0 0/15 * * * ?";

    [QuartzCron]
    public string DispatchCron { get; set; } = "30 * * * * ?";

    /// <summary>Business days at 07:30; holidays are skipped by the job itself.</summary>
    [QuartzCron]
    public string DigestCron { get; set; } = "0 30 7 ? * MON-FRI";
}
