using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QeV.Worker.Demo;
using QeV.Worker.Hosting;
using QeV.Worker.Notifications;
using QeV.Worker.Scheduling;
using QeV.Worker.Store;

namespace QeV.Worker.Cli;

public static class RunCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "eine leere Datenbank zuerst mit Demodaten füllen" };
        var once = new Option<bool>("--once") { Description = "einmal prüfen, Tagesübersichten und Versand, dann beenden (für cron)" };
        var asOf = CliOptions.AsOf();
        var command = new Command("run", "den Worker starten (Standard ohne Befehl)") { demo, once, asOf };
        command.SetAction((parse, ct) =>
        {
            var day = CliOptions.ParseDate(parse.GetValue(asOf), "--as-of");
            if (day is not null && !parse.GetValue(once))
            {
                return Task.FromResult(Fail("--as-of gilt nur zusammen mit --once."));
            }

            return RunWorkerAsync(parse.GetValue(CliOptions.Db), new RunSettings(parse.GetValue(demo), parse.GetValue(once), day), ct);
        });
        return command;
    }

    public static Task<int> RunWorkerAsync(string? db, RunSettings settings, CancellationToken ct) =>
        CommandRunner.RunAsync(db, quiet: false, async (host, token) =>
        {
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("QeV.Worker");
            if (settings.Demo)
            {
                var seeder = host.Services.GetRequiredService<DemoSeeder>();
                if (await seeder.IsEmptyAsync(token))
                {
                    var summary = await seeder.SeedAsync(78, 300, token);
                    logger.LogInformation("Demodaten angelegt: {Rows} Zeilen", summary.TotalInserted);
                }
            }

            if (settings.Once)
            {
                var result = await host.Services.GetRequiredService<NotificationCycle>().RunOnceAsync(settings.AsOf, token);
                var d = result.Dispatched;
                await Console.Out.WriteLineAsync(
                    $"{result.Day:dd.MM.yyyy}: {result.Planned} Nachrichten neu vorgemerkt, {d.Sent} versendet (Mails: {d.Mails}), "
                    + $"{d.Retrying} zur Wiederholung, {d.Dead} unzustellbar.");
                if (d.Mails > 0)
                    await Console.Out.WriteLineAsync($"Versandschritte, summiert über die Verbindungen: {d.Phases}");
                if (d.Outage is not null)
                {
                    await Console.Out.WriteLineAsync(d.Stopped
                        ? $"Versand angehalten: {d.Outage}. Offene Nachrichten gehen beim nächsten Lauf."
                        : $"Mailserver: {d.Outage}. Die betroffenen Nachrichten gehen beim nächsten Lauf.");
                }

                return ExitCode(d);
            }

            var database = host.Services.GetRequiredService<Database>();
            using var workerLock = database.FilePath is { } file ? WorkerLock.TryAcquire(file) : null;
            if (database.FilePath is not null && workerLock is null)
            {
                throw new UsageException($"Auf {database.Description} läuft bereits ein Worker. Mehrere Instanzen brauchen PostgreSQL (siehe README); "
                    + "Befehle wie import, deadlines oder run --once gehen weiterhin.");
            }

            if (settings.Demo)
            {
                logger.LogWarning("Demo: Bürozeiten werden nicht beachtet, Nachrichten gehen sofort nach {Folder}",
                    host.Services.GetRequiredService<IConfiguration>()["Mail:PickupDirectory"]);
            }

            logger.LogInformation("QeV.Worker läuft auf {Database}; Beenden mit Strg+C", database.Description);
            await host.RunAsync(token);
            return 0;
        }, ct, builder =>
        {
            if (settings.Demo)
            {
                builder.Configuration.AddInMemoryCollection([new("Notifications:IgnoreOfficeHours", "true")]);
                builder.AddQevDemo();
            }

            if (!settings.Once)
            {
                builder.AddQevScheduling();

                // Ready and stopping reported to systemd (Type=notify) or the Windows service control manager; no-ops elsewhere.
                builder.Services.AddSystemd();
                builder.Services.AddWindowsService(o => o.ServiceName = "QeV.Worker");
            }
        });

    /// <summary>0 all delivered; 3 a recipient refused for good (dead); 4 owed notices left (the mail system failed, or the run was stopped).</summary>
    public static int ExitCode(Dispatch.DispatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Dead > 0)
        {
            return 3;
        }

        return result.Outage is not null || result.Waiting > 0 || result.Released > 0 ? 4 : 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
