using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Import;

namespace QeV.Worker.Cli;

public static class ImportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Ordner mit den CSV-Dateien (organisations.csv, staff.csv, …)" };
        var command = new Command("import", "CSV-Export aus dem Fachverfahren übernehmen (alles oder nichts)") { folder };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Db), quiet: true, async (host, token) =>
        {
            var path = parse.GetValue(folder)!;
            // The summary on stdout is the one report of the import; stderr carries errors and, on long imports
            // (files of 100,000 rows and more), a progress line per table.
            var summary = await host.Services.GetRequiredService<Importer>().ImportAsync(path, new StderrProgress(), token);
            Console.Out.Write(ImportSummaryText.Render(path, summary));
            return 0;
        }, ct));
        return command;
    }
}
