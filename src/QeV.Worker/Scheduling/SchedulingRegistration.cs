using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Worker.Office;
using Quartz;

namespace QeV.Worker.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>Every schedule of the worker, declared in one place.</summary>
    public static IHostApplicationBuilder AddQevScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();

        var schedule = builder.Configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new ScheduleOptions();
        if (ScheduleOptionsValidator.Check(schedule).Count > 0)
        {
            // Start-up validation reports the wrong key; no trigger is built from a broken expression.
            return builder;
        }

        var zoneId = builder.Configuration.GetSection(OfficeOptions.Section).Get<OfficeOptions>()?.TimeZone ?? "Europe/Berlin";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;

        builder.AddQuartz(q =>
        {
            q.ScheduleJob<ScanJob>(trigger => trigger
                .WithIdentity("scan")
                .WithDescription("Fristen aus den Fakten neu berechnen und fällige Nachrichten vormerken")
                .StartNow()
                .WithCronSchedule(schedule.ScanCron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.ScheduleJob<DispatchJob>(trigger => trigger
                .WithIdentity("dispatch")
                .WithDescription("vorgemerkte Nachrichten zustellen")
                .WithCronSchedule(schedule.DispatchCron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            q.ScheduleJob<DigestJob>(trigger => trigger
                .WithIdentity("digest")
                .WithDescription("Tagesübersicht an die Teamleitungen")
                .WithCronSchedule(schedule.DigestCron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
