using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Hosting;
using QeV.Worker.Notifications;
using QeV.Worker.Office;

namespace QeV.Worker.Cli;

public static class PreviewCommand
{
    public static Command Create()
    {
        var asOf = CliOptions.AsOf();
        var days = new Option<int>("--days") { Description = "so viele Tage voraus", DefaultValueFactory = _ => 7 };
        var command = new Command("preview", "zeigen, was an den nächsten Tagen versendet würde (versendet nichts)") { asOf, days };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Db), quiet: true, async (host, token) =>
        {
            var from = CliOptions.ParseDate(parse.GetValue(asOf), "--as-of") ?? host.Services.GetRequiredService<OfficeClock>().Today;
            var notices = await host.Services.GetRequiredService<NoticePreview>().PreviewAsync(from, parse.GetValue(days), token);
            foreach (var day in notices.GroupBy(n => n.PlannedFor))
            {
                await Console.Out.WriteLineAsync($"{day.Key.ToString("dddd, dd.MM.yyyy", CultureInfo.GetCultureInfo("de-DE"))}: {day.Count()} Nachrichten");
                foreach (var n in day)
                {
                    var c = n.Content;
                    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {c.Rule ?? "–",-4} {GermanLabels.Kind(c.Kind),-11} {c.Stage,-16} an {c.To.DisplayName} ({c.To.StaffId ?? c.To.Email}) {c.FileReference ?? c.SubjectId}"));
                }
            }

            await Console.Out.WriteLineAsync($"Summe: {notices.Count} Nachrichten in {parse.GetValue(days)} Tagen ab {from:dd.MM.yyyy}.");
            return 0;
        }, ct, validateArguments: () =>
        {
            if (parse.GetValue(days) is < 1 or > 366)
            {
                throw new UsageException("--days muss zwischen 1 und 366 liegen.");
            }

            CliOptions.ParseDate(parse.GetValue(asOf), "--as-of");
        }, database: DatabaseUse.Existing));
        return command;
    }
}
