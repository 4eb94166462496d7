using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Operations;

namespace QeV.Worker.Cli;

/// <summary>`qev health`: exit 0 when the last scan and dispatch are recent (Health:*), else 1 with one German line.</summary>
public static class HealthCommand
{
    public static Command Create()
    {
        var command = new Command("health", "prüfen, ob der Worker zuletzt rechtzeitig gescannt und versendet hat (für Docker HEALTHCHECK und Monitoring)");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Db), quiet: true, async (host, token) =>
        {
            var report = await host.Services.GetRequiredService<HealthReport>().CheckAsync(token);
            if (report.Healthy)
            {
                await Console.Out.WriteLineAsync(report.Line);
                return 0;
            }

            await Console.Error.WriteLineAsync(report.Line);
            return 1;
        }, ct, database: DatabaseUse.Existing));
        return command;
    }
}
