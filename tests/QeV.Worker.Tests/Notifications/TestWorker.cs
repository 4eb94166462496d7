using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Worker.Dispatch;
using QeV.Worker.Hosting;
using QeV.Worker.Ledger;
using QeV.Worker.Notifications;
using QeV.Worker.Scheduling;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Notifications;

/// <summary>
/// One worker instance as the product builds it (<see cref="QevHost"/> + notifications) on a test database, with
/// a manual clock and the given mail settings. Disposing it is a worker going away; a second one is a restart.
/// </summary>
internal sealed class TestWorker : IDisposable
{
    private readonly IHost _host;

    private TestWorker(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public NotificationCycle Cycle => _host.Services.GetRequiredService<NotificationCycle>();

    public NoticeLedger Ledger => _host.Services.GetRequiredService<NoticeLedger>();

    public NoticeDispatcher Dispatcher => _host.Services.GetRequiredService<NoticeDispatcher>();

    /// <summary>Plain SMTP to the sink on loopback; no retries within a run unless the settings say otherwise.</summary>
    public static TestWorker Smtp(
        TestDatabase db, TimeProvider clock, int port, string domain, IReadOnlyDictionary<string, string?>? settings = null, bool schedules = false,
        Action<IServiceCollection>? services = null) =>
        Start(db, clock, new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Smtp",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:UseStartTls"] = "false",
            ["Mail:Smtp:Timeout"] = "00:00:10",
            ["Notifications:AdminEmail"] = "admin@" + domain,
            ["Notifications:ImmediateRetries"] = "0",
            ["Notifications:ImmediateRetryDelay"] = "00:00:00.020",
            ["Notifications:RetryDelay"] = "00:01:00",
            ["Notifications:ClaimLease"] = "00:05:00",
            // The mechanics tests count one mail per notice; bundling has tests of its own.
            ["Notifications:Bundle"] = "false",
        }, settings, schedules, services);

    /// <summary>.eml files into <paramref name="folder"/> (Mail:Mode Pickup).</summary>
    public static TestWorker Pickup(
        TestDatabase db, TimeProvider clock, string folder, IReadOnlyDictionary<string, string?>? settings = null, bool schedules = false) =>
        Start(db, clock, new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Pickup",
            ["Mail:PickupDirectory"] = folder,
            ["Notifications:Bundle"] = "false",
        }, settings, schedules);

    /// <summary>
    /// Builds the host and runs the start-up validation, as every command does. <paramref name="schedules"/> adds the
    /// schedules as `run` registers them (the host is never started, so no trigger fires; a test runs a hosted service
    /// such as the start-up catch-up itself). <paramref name="services"/> adds registrations of the test's own, e.g. a
    /// <see cref="CapturedLog"/> that the product's Serilog logger writes to as well.
    /// </summary>
    public static TestWorker Start(
        TestDatabase db, TimeProvider clock, Dictionary<string, string?> settings, IReadOnlyDictionary<string, string?>? overrides = null, bool schedules = false,
        Action<IServiceCollection>? services = null)
    {
        // The notification tests count mails of the five core rules; the full catalogue has tests of its own.
        settings.TryAdd("Rules:Profile", "magdeburg-kern");
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = QevHost.CreateBuilder([], db.ConnectionString, quiet: true);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddQevNotifications();
        if (schedules)
        {
            builder.AddQevScheduling();
        }

        builder.Services.AddSingleton(clock);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            return new TestWorker(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>The start-up catch-up as `run` registers it, run to its end (what a restarted worker does first).</summary>
    public async Task CatchUpOnStartAsync()
    {
        var catchUp = _host.Services.GetServices<IHostedService>().OfType<CatchUpOnStart>().ShouldHaveSingleItem();
        await catchUp.StartAsync(CancellationToken.None);
        await catchUp.ExecuteTask.ShouldNotBeNull();
        await catchUp.StopAsync(CancellationToken.None);
    }

    public async Task<List<NoticeRow>> RowsAsync() =>
        (await Ledger.HistoryAsync(null, null, 10_000, CancellationToken.None)).OrderBy(r => r.NoticeKey, StringComparer.Ordinal).ToList();

    public async Task<NoticeRow> RowAsync(string key) =>
        (await RowsAsync()).SingleOrDefault(r => r.NoticeKey == key) ?? throw new ShouldAssertException($"no ledger row {key}");

    public void Dispose() => _host.Dispose();
}
