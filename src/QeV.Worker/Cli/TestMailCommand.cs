using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using QeV.Worker.Dispatch;
using QeV.Worker.Notifications;
using QeV.Worker.Office;
using QeV.Worker.Operations;

using QeV.Worker.Dispatch.Delivery;

namespace QeV.Worker.Cli;

/// <summary>`qev test-mail --to ADDRESS`: one marked test mail (header X-QeV-Test) through the configured way out.</summary>
public static class TestMailCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to") { Description = "Empfängeradresse der Testnachricht", Required = true };
        var command = new Command("test-mail", "eine gekennzeichnete Testnachricht senden (über Mail:Mode, wie der Worker)") { to };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Db), quiet: true, async (host, token) =>
        {
            var options = host.Services.GetRequiredService<IOptions<MailOptions>>().Value;
            var message = MailProbe.TestMessage(options.Smtp, parse.GetValue(to)!, host.Services.GetRequiredService<OfficeClock>().UtcNow);
            try
            {
                var where = await MailProbe.SendAsync(options, message, token);
                await Console.Out.WriteLineAsync($"Testnachricht an {parse.GetValue(to)} übergeben: {where}");
                return 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                await Console.Error.WriteLineAsync($"Testnachricht nicht zugestellt: {ex.Message.Split('\n')[0]} (`qev doctor` prüft die Verbindung)");
                return 1;
            }
        }, ct, validateArguments: () =>
        {
            if (!MailboxAddress.TryParse(parse.GetValue(to), out _) || !parse.GetValue(to)!.Contains('@', StringComparison.Ordinal))
            {
                throw new UsageException($"--to: „{parse.GetValue(to)}“ ist keine E-Mail-Adresse.");
            }
        }, database: DatabaseUse.None));
        return command;
    }
}
