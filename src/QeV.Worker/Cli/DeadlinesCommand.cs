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
            var service = host.Services.GetRequiredService<DeadlineService>();
            if (chosenFormat == "json" && service.CanUseTable)
            {
                // Streamed from the table in the report's order: the JSON of a million deadlines is never held whole.
                var scan = await service.RefreshAsync(day, token);
                WriteFailures(scan.Scan.Failures);
                await using var stdout = Console.OpenStandardOutput();
                await DeadlineReport.WriteJsonAsync(
                    stdout, service.StreamReportAsync(scan, day.AddDays(horizonDays), parse.GetValue(fulfilled), token), day, horizonDays, parse.GetValue(fulfilled), token);
                return 0;
            }

            var (snapshot, _) = await service.FromTableAsync(day, day.AddDays(horizonDays), parse.GetValue(fulfilled), token);
            var rows = DeadlineReport.Select(snapshot.Deadlines, day, horizonDays, parse.GetValue(fulfilled));
            WriteFailures(snapshot.Failures);

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

    /// <summary>stdout stays the contract's JSON; what could not be computed is said on stderr.</summary>
    private static void WriteFailures(IEnumerable<RuleFailure> failures)
    {
        foreach (var failure in failures)
        {
            Console.Error.WriteLine("Datenproblem: " + failure.Describe());
        }
    }
}
