using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Hosting;
using QeV.Worker.Notifications;
using QeV.Worker.Ledger;
using QeV.Worker.Office;

namespace QeV.Worker.Cli;

public static class HistoryCommand
{
    public static Command Create()
    {
        var caseId = new Option<string?>("--case") { Description = "nur Nachrichten zu diesem Fall (case_id)" };
        var staffId = new Option<string?>("--staff") { Description = "nur Nachrichten an oder über diese Person (staff_id)" };
        var limit = new Option<int>("--limit") { Description = "höchstens so viele Zeilen", DefaultValueFactory = _ => 200 };
        var command = new Command("history", "das Versandprotokoll (Ledger) lesbar ausgeben") { caseId, staffId, limit };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Db), quiet: true, async (host, token) =>
        {
            var clock = host.Services.GetRequiredService<OfficeClock>();
            var rows = await host.Services.GetRequiredService<NoticeLedger>()
                .HistoryAsync(parse.GetValue(caseId), parse.GetValue(staffId), Math.Max(1, parse.GetValue(limit)), token);
            await Console.Out.WriteLineAsync($"{"angelegt",-16}  {"Status",-12}  {"Art",-11}  {"Frist",-5}  {"Stufe",-16}  {"an",-10}  {"versendet",-16}  Versuche  Schlüssel");
            foreach (var r in rows)
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{Local(clock, r.CreatedAt),-16}  {GermanLabels.State(r.State),-12}  {GermanLabels.Kind(r.Kind),-11}  {r.Rule ?? "–",-5}  {r.Stage,-16}  {r.ToStaffId ?? r.ToAddress,-10}  {(r.SentAt is { } s ? Local(clock, s) : "–"),-16}  {r.Attempts,8}  {r.NoticeKey}"));
                if (r.LastError is not null)
                {
                    await Console.Out.WriteLineAsync($"{"",18}Fehler: {r.LastError}");
                }
            }

            await Console.Out.WriteLineAsync($"{rows.Count} Einträge.");
            return 0;
        }, ct, database: DatabaseUse.Existing));
        return command;
    }

    private static string Local(OfficeClock clock, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, clock.Zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}
