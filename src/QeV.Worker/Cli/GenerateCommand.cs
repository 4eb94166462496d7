using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Office;
using QeV.Worker.Store;
using QeV.Worker.Store.Bulk;

namespace QeV.Worker.Cli;

/// <summary>`qev generate --cases N [--seed S]`: synthetic data at scale straight into an empty database.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Startwert des Zufallsgenerators (gleicher Wert, gleiche Daten)", DefaultValueFactory = _ => 78 };
        var cases = new Option<int>("--cases") { Description = "Anzahl der Fälle", Required = true };
        var command = new Command("generate", "synthetische Daten in großer Menge direkt in eine leere Datenbank schreiben (Termine relativ zu heute)") { seed, cases };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Db), quiet: true, async (host, token) =>
        {
            var database = host.Services.GetRequiredService<Database>();
            var today = host.Services.GetRequiredService<OfficeClock>().Today;
            var started = System.Diagnostics.Stopwatch.StartNew();
            var rows = await new SyntheticLoader(database).LoadAsync(parse.GetValue(seed), today, parse.GetValue(cases), new StderrProgress(), token);
            await Console.Out.WriteLineAsync($"{parse.GetValue(cases):N0} Fälle, {rows:N0} Zeilen in {started.Elapsed.TotalSeconds:F1} s geschrieben ({database.Description}).");
            return 0;
        }, ct, validateArguments: () =>
        {
            if (parse.GetValue(cases) is < 1 or > 10_000_000)
            {
                throw new UsageException("--cases muss zwischen 1 und 10000000 liegen.");
            }
        }));
        return command;
    }
}
