using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QeV.Domain.Rules;
using QeV.Worker.Deadlines;
using QeV.Worker.Office;
using QeV.Worker.Reports;

namespace QeV.Worker.Cli;

public static class DeadlinesCommand
{
    public static Command Create()
    {
        var asOf = CliOptions.AsOf();
        var format = new Option<string>("--format") { Description = "json oder table", DefaultValueFactory = _ => "table" };
        var horizon = new Option<int>("--horizon-days") { Description = "anstehende Fristen bis so viele Tage voraus", DefaultValueFactory = _ => 90 };
        var fulfilled = new Option<bool>("--include-fulfilled") { Description = "erfüllte Fristen mit ausgeben" };
        var command = new Command("deadlines", "Fristenbericht: überfällige, heute fällige und anstehende Fristen") { asOf, format, horizon, fulfilled };

        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Db), quiet: true, async (host, token) =>
        {
            var chosenFormat = parse.GetValue(format)!.ToLowerInvariant();
            var horizonDays = parse.GetValue(horizon);
            var day = CliOptions.ParseDate(parse.GetValue(asOf), "--as-of") ?? host.Services.GetRequiredService<OfficeClock>().Today;
            var (snapshot, _) = await host.Services.GetRequiredService<DeadlineService>()
                .FromTableAsync(day, day.AddDays(horizonDays), parse.GetValue(fulfilled), token);
            var rows = DeadlineReport.Select(snapshot.Deadlines, day, horizonDays, parse.GetValue(fulfilled));
            Console.Out.WriteLine(chosenFormat == "json" ? DeadlineReport.ToJson(rows) : DeadlineTable.Render(rows, snapshot.Facts, day));
            return 0;
        }, ct, validateArguments: () =>
        {
            if (parse.GetValue(format)?.ToLowerInvariant() is not ("json" or "table"))
            {
                throw new UsageException($"--format: „{parse.GetValue(format)}“ ist unbekannt (json oder table).");
            }

            if (parse.GetValue(horizon) < 0)
            {
                throw new UsageException("--horizon-days darf nicht negativ sein.");
            }

            CliOptions.ParseDate(parse.GetValue(asOf), "--as-of");
        }, database: DatabaseUse.Existing));
        return command;
    }
}
