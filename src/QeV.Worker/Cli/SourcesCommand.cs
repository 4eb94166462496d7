using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Office;
using QeV.Worker.Sources;

namespace QeV.Worker.Cli;

/// <summary>`qev sources check [--as-of D]`: every mapping read once, rows per entity and the first errors.</summary>
public static class SourcesCommand
{
    public static Command Create()
    {
        var asOf = CliOptions.AsOf();
        var check = new Command("check", "jede Zuordnung (Sources:Queries) einmal lesen: Zeilen je Tabelle und die ersten Fehler") { asOf };
        check.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Db), quiet: true, async (host, token) =>
        {
            var day = CliOptions.ParseDate(parse.GetValue(asOf), "--as-of") ?? host.Services.GetRequiredService<OfficeClock>().Today;
            var (text, clean) = await host.Services.GetRequiredService<SourcesCheck>().RunAsync(day, token);
            Console.Out.WriteLine(text);
            return clean ? 0 : 1;
        }, ct, validateArguments: () => CliOptions.ParseDate(parse.GetValue(asOf), "--as-of")));
        return new Command("sources", "Quellen: das Fachverfahren direkt lesen (nur lesend)") { check };
    }
}
