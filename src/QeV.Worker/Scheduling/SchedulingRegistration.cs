using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Worker.Office;
using QeV.Worker.Store;
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

        var connectionString = builder.Configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)}"] ?? "";
        var cluster = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions();
        builder.AddQuartz(q =>
        {
            if (Database.IsPostgres(connectionString) || Database.IsSqlServer(connectionString))
            {
                // Several instances share the schedules through Quartz's own tables: each firing runs on one instance,
                // and the jobs of an instance that stops checking in are recovered by the others.
                q.UsePersistentStore(store =>
                {
                    if (Database.IsSqlServer(connectionString))
                    {
                        // Quartz's SqlServerDelegate on Microsoft.Data.SqlClient; it takes its row locks with UPDLOCK, ROWLOCK.
                        store.UseSqlServer(connectionString);
                    }
                    else
                    {
                        store.UsePostgres(connectionString);
                    }

                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = cluster.CheckinInterval;
                        c.CheckinMisfireThreshold = cluster.CheckinMisfireThreshold;
                    });
                    store.UseSystemTextJsonSerializer();
                    store.ProvisionSchema();
                });
            }

            q.ScheduleJob<ScanJob>(trigger => trigger
                .WithIdentity("scan")
                .WithDescription("Fristen aus den Fakten neu berechnen und fällige Nachrichten vormerken")
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
        builder.Services.AddHostedService<CatchUpOnStart>();
        return builder;
    }
}
