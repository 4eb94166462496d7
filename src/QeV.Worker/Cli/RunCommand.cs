using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QeV.Worker.Demo;
using QeV.Worker.Scheduling;

namespace QeV.Worker.Cli;

public static class RunCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "eine leere Datenbank zuerst mit Demodaten füllen" };
        var command = new Command("run", "den Worker starten (Standard ohne Befehl)") { demo };
        command.SetAction((parse, ct) => RunWorkerAsync(parse.GetValue(CliOptions.Db), new RunSettings(Demo: parse.GetValue(demo)), ct));
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

            logger.LogInformation("QeV.Worker läuft; Beenden mit Strg+C");
            await host.RunAsync(token);
            return 0;
        }, ct, builder => builder.AddQevScheduling());
}
