using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Demo;

namespace QeV.Worker.Cli;

public static class SeedDemoCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Startwert des Zufallsgenerators (gleicher Wert, gleiche Daten)", DefaultValueFactory = _ => 78 };
        var cases = new Option<int>("--cases") { Description = "Anzahl der Fälle", DefaultValueFactory = _ => 300 };
        var csv = new Option<string?>("--csv") { Description = "die Demodaten stattdessen als CSV-Importdateien in diesen Ordner schreiben" };
        var command = new Command("seed-demo", "Demodaten anlegen (Termine relativ zu heute)") { seed, cases, csv };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Db), quiet: true, async (host, token) =>
        {
            if (parse.GetValue(cases) is < 1 or > 1_000_000)
            {
                throw new UsageException("--cases muss zwischen 1 und 1000000 liegen.");
            }

            var seeder = host.Services.GetRequiredService<DemoSeeder>();
            if (parse.GetValue(csv) is { } folder)
            {
                await seeder.WriteCsvAsync(folder, parse.GetValue(seed), parse.GetValue(cases), token);
                await Console.Out.WriteLineAsync($"Demodaten als CSV in {folder} geschrieben.");
                return 0;
            }

            var summary = await seeder.SeedAsync(parse.GetValue(seed), parse.GetValue(cases), token);
            Console.Out.Write(ImportSummaryText.Render("Demodaten", summary));
            return 0;
        }, ct, builder => builder.AddQevDemo()));
        return command;
    }
}
