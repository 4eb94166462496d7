using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Worker.Scheduling;
using QeV.Worker.Tests.Support;
using Quartz;

namespace QeV.Worker.Tests.Scheduling;

/// <summary>
/// What `run` schedules (SchedulingRegistration): the scan, the dispatch and the digest, each with its cron of the
/// Schedule section in the office time zone; a clustered store in the database on PostgreSQL; nothing built from a cron
/// that does not parse (the start-up validation names it). The scheduler is built, never started.
/// </summary>
public sealed class ScheduleRegistrationTests
{
    [Fact]
    public async Task Schedule_NoSettings_ThreeJobsWithTheShippedCronsInBerlinTime()
    {
        // Given: neither a Schedule nor an Office nor a Database section
        var builder = Builder([]);
        var hosted = builder.Services.Where(d => d.ServiceType == typeof(IHostedService))
            .Select(d => d.ImplementationType?.Name ?? d.ImplementationFactory?.Method.ReturnType.Name ?? "?").ToList();
        using var host = builder.Build();

        // When
        var triggers = await TriggersAsync(host);

        // Then
        triggers.ShouldBe(
        [
            ("scan", "0 0/15 * * * ?", "Europe/Berlin", "Fristen aus den Fakten neu berechnen und fällige Nachrichten vormerken", CronTriggerMisfireInstruction.FireAndProceed),
            ("dispatch", "30 * * * * ?", "Europe/Berlin", "vorgemerkte Nachrichten zustellen", CronTriggerMisfireInstruction.DoNothing),
            ("digest", "0 30 7 ? * MON-FRI", "Europe/Berlin", "Tagesübersicht an die Teamleitungen", CronTriggerMisfireInstruction.FireAndProceed),
        ]);
        hosted.ShouldBe(["QuartzHostedService", nameof(CatchUpOnStart)], ignoreOrder: true);
    }

    [Fact]
    public async Task Schedule_CronsAndZoneFromTheSettings_TheTriggersAndTheOptionsUseThem()
    {
        // Given
        using var host = Build(new()
        {
            ["Schedule:ScanCron"] = "0 0/5 * * * ?",
            ["Schedule:DispatchCron"] = "15 * * * * ?",
            ["Schedule:DigestCron"] = "0 0 8 ? * MON-FRI",
            ["Office:TimeZone"] = "Europe/Vienna",
        });

        // When
        var triggers = await TriggersAsync(host);
        var options = host.Services.GetRequiredService<IOptions<ScheduleOptions>>().Value;

        // Then
        triggers.Select(t => (t.Name, t.Cron, t.Zone)).ShouldBe(
        [
            ("scan", "0 0/5 * * * ?", "Europe/Vienna"),
            ("dispatch", "15 * * * * ?", "Europe/Vienna"),
            ("digest", "0 0 8 ? * MON-FRI", "Europe/Vienna"),
        ]);
        (options.ScanCron, options.DispatchCron, options.DigestCron).ShouldBe(("0 0/5 * * * ?", "15 * * * * ?", "0 0 8 ? * MON-FRI"));
    }

    [Fact]
    public async Task Schedule_OneCronDoesNotParse_NoTriggerAndTheKeyIsNamed()
    {
        // Given
        using var host = Build(new() { ["Schedule:DispatchCron"] = "jede Minute" });

        // When
        var factory = host.Services.GetService<ISchedulerFactory>();
        var invalid = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ScheduleOptions>>().Value);

        // Then
        factory.ShouldBeNull("nothing is scheduled from a cron that does not parse");
        invalid.Message.ShouldContain("Schedule:DispatchCron");
    }

    [Fact]
    public async Task Schedule_DatabaseOnAServer_ClusteredStoreInItsTables()
    {
        // Given: a PostgreSQL database of its own
        using var db = await TestDatabase.CreateAsync(TestEngine.Postgres);
        using var host = Build(new() { ["Database:ConnectionString"] = db.ConnectionString });

        // When
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var meta = await scheduler.GetMetadata();

        // Then: Quartz's tables are in that database, and the three triggers are stored there
        (meta.JobStoreClustered, meta.JobStorePersistent).ShouldBe((true, true));
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM qrtz_cron_triggers")).ShouldBe(3);
    }

    private static IHost Build(Dictionary<string, string?> settings) => Builder(settings).Build();

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddQevScheduling();
        return builder;
    }

    private static async Task<List<(string Name, string Cron, string Zone, string? Description, CronTriggerMisfireInstruction Misfire)>> TriggersAsync(IHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var triggers = new List<(string, string, string, string?, CronTriggerMisfireInstruction)>();
        foreach (var name in new[] { "scan", "dispatch", "digest" })
        {
            if (await scheduler.GetTrigger(new TriggerKey(name)) is ICronTrigger cron)
            {
                triggers.Add((name, cron.CronExpressionString!, cron.TimeZone.Id, cron.Description, cron.MisfireInstruction));
            }
        }

        return triggers;
    }
}
