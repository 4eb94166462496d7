using Microsoft.Extensions.Options;
using Quartz;

namespace QeV.Worker.Scheduling;

public sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static IReadOnlyList<string> Check(ScheduleOptions options) =>
        new[] { ("ScanCron", options.ScanCron), ("DispatchCron", options.DispatchCron), ("DigestCron", options.DigestCron) }
            .Where(c => !CronExpression.TryParse(c.Item2 ?? "", out _))
            .Select(c => $"Schedule:{c.Item1}: „{c.Item2}“ ist kein gültiger Cron-Ausdruck (Quartz, Sekunden zuerst).")
            .ToList();
}
