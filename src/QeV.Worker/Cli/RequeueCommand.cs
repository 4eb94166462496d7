using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Hosting;
using QeV.Worker.Notifications;
using QeV.Worker.Ledger;
using QeV.Worker.Office;

namespace QeV.Worker.Cli;

/// <summary>`requeue`: notices given up on (dead) or waiting for a retry back to owed, recorded in the ledger.</summary>
public static class RequeueCommand
{
    private static readonly string[] States = [NoticeState.Dead, NoticeState.Failed];

    public static Command Create()
    {
        var state = new Option<string>("--state") { Description = "dead (Standard) oder failed", DefaultValueFactory = _ => NoticeState.Dead };
        var rule = new Option<string?>("--rule") { Description = "nur Nachrichten dieser Regel (z. B. F01)" };
        var since = new Option<string?>("--since") { Description = "nur Nachrichten, die ab diesem Tag (JJJJ-MM-TT) fällig wurden" };
        var command = new Command("requeue", "unzustellbare Nachrichten wieder zum Versand vormerken (im Protokoll vermerkt)") { state, rule, since };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Db), quiet: true, async (host, token) =>
        {
            var clock = host.Services.GetRequiredService<OfficeClock>();
            var count = await host.Services.GetRequiredService<NoticeLedger>().RequeueAsync(
                parse.GetValue(state)!, parse.GetValue(rule), CliOptions.ParseDate(parse.GetValue(since), "--since"), clock.UtcNow, token);
            await Console.Out.WriteLineAsync($"{count} Nachrichten wieder vorgemerkt (vorher {parse.GetValue(state)}).");
            return 0;
        }, ct, builder => builder.AddQevNotifications(), validateArguments: () =>
        {
            if (!States.Contains(parse.GetValue(state)))
                throw new UsageException($"--state: „{parse.GetValue(state)}“ ist weder dead noch failed.");
            CliOptions.ParseDate(parse.GetValue(since), "--since");
        }));
        return command;
    }
}
