using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QeV.Worker.Office;
using Quartz;

namespace QeV.Worker.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>Every schedule of the worker, declared in one place.</summary>
    public static IHostApplicationBuilder AddQevScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => CronExpression.TryParse(o.ScanCron, out _), "Schedule:ScanCron ist kein gültiger Cron-Ausdruck.")
            .ValidateOnStart();

        var schedule = builder.Configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new ScheduleOptions();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(
            builder.Configuration.GetSection(OfficeOptions.Section).Get<OfficeOptions>()?.TimeZone ?? "Europe/Berlin");

        builder.AddQuartz(q =>
        {
            q.ScheduleJob<ScanJob>(trigger => trigger
                .WithIdentity("scan")
                .WithDescription("Fristen aus den Fakten neu berechnen")
                .StartNow()
                .WithCronSchedule(schedule.ScanCron, cron => cron.InTimeZone(zone)));
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
