using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Worker.Hosting;
using QeV.Worker.Notifications;
using QeV.Worker.Operations;

namespace QeV.Worker.Cli;

/// <summary>`qev doctor`: a checklist before go-live; each failing line says how to fix it; exit 1 when any fails.</summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "die Einrichtung prüfen: Konfiguration, Datenbank, Mailserver, Kalender, Ablageordner (sendet nichts)");
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(CliOptions.Db), ct));
        return command;
    }

    private static async Task<int> RunAsync(string? db, CancellationToken ct)
    {
        await Console.Out.WriteLineAsync("QeV.Worker – Prüfung der Einrichtung");
        IHost host;
        try
        {
            var builder = QevHost.CreateBuilder([], db, quiet: true);
            host = QevHost.Build(builder);
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception ex) when (CommandRunner.Describe(ex) is { } message)
        {
            await Console.Out.WriteLineAsync(DoctorCheck.Fail("Konfiguration", message,
                "den genannten Schlüssel in appsettings.json oder der Umgebungsvariable (z. B. Mail__Smtp__Port) korrigieren; alle Schlüssel mit Standardwerten: appsettings.sample.json.").Render());
            await Console.Out.WriteLineAsync("Weitere Prüfungen übersprungen, bis die Konfiguration stimmt.");
            return 1;
        }

        using (host)
        {
            var checks = new List<DoctorCheck> { DoctorCheck.Pass("Konfiguration", "alle Einstellungen gültig") };
            checks.AddRange(await host.Services.GetRequiredService<Doctor>().RunAsync(ct));
            foreach (var check in checks)
            {
                await Console.Out.WriteLineAsync(check.Render());
            }

            var failed = checks.Count(c => c.Ok == false);
            await Console.Out.WriteLineAsync(failed == 0 ? "Alles in Ordnung." : $"{failed} Prüfung(en) fehlgeschlagen.");
            return failed == 0 ? 0 : 1;
        }
    }
}
