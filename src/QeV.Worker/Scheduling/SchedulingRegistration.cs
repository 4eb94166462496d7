using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Worker.Settings;
using QeV.Worker.Office;
using QeV.Worker.Store;
using Quartz;

namespace QeV.Worker.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>Every schedule of the worker, declared in one place.</summary>
    public static IHostApplicationBuilder AddQevScheduling(this IHostApplicationBuilder builder)
    {
        builder.AddQevScheduleOptions();

        // Quartz takes its triggers at registration; a value that does not bind or check is reported by the start-up
        // validation, naming the key, and no trigger is built from it.
        if (!TryRead(builder.Configuration, ScheduleOptions.Section, out ScheduleOptions schedule)
            || !TryRead(builder.Configuration, ClusterOptions.Section, out ClusterOptions cluster)
            || new[] { schedule.ScanCron, schedule.DispatchCron, schedule.DigestCron }.Any(c => !CronExpression.TryParse(c ?? "", out _)))
        {
            return builder;
        }

        var zoneId = builder.Configuration[$"{OfficeOptions.Section}:{nameof(OfficeOptions.TimeZone)}"] ?? "Europe/Berlin";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;

        var connectionString = builder.Configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)}"] ?? "";
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

    /// <summary>Only the schedule's settings, so that every command checks them, not just `run`.</summary>
    public static IHostApplicationBuilder AddQevScheduleOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ScheduleOptions>(ScheduleOptions.Section);
        builder.Services.AddValidatedOptions<ClusterOptions>(ClusterOptions.Section);
        return builder;
    }

    private static bool TryRead<T>(IConfiguration configuration, string section, out T options)
        where T : class, new()
    {
        options = new T();
        try
        {
            SettingsBinder.Bind(configuration, section, options, rejectUnknownKeys: true);
            return true;
        }
        catch (OptionsValidationException)
        {
            return false;
        }
    }
}
