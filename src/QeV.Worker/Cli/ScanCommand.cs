using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Deadlines;
using QeV.Worker.Hosting;
using QeV.Worker.Notifications;
using QeV.Worker.Office;
using QeV.Worker.Scan;
using QeV.Worker.Store;

namespace QeV.Worker.Cli;

/// <summary>
/// `qev scan [--as-of D]`: one scan – refresh the deadlines table (only what changed), write the notices owed that day
/// to the ledger – and a one-line summary. Sends nothing.
/// </summary>
public static class ScanCommand
{
    public static Command Create()
    {
        var asOf = CliOptions.AsOf();
        var floor = new Option<bool>("--floor") { Description = "für Messungen: nur jede Faktenzeile einmal lesen (derselbe Treiber, dieselben Abfragen), nichts auswerten oder schreiben" };
        var command = new Command("scan", "ein Durchlauf: Fristen neu berechnen (nur Geändertes), fällige Nachrichten ins Postausgangsbuch; versendet nichts") { asOf, floor };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Db), quiet: true, async (host, token) =>
        {
            var day = CliOptions.ParseDate(parse.GetValue(asOf), "--as-of") ?? host.Services.GetRequiredService<OfficeClock>().Today;
            var started = Stopwatch.StartNew();
            if (parse.GetValue(floor))
            {
                var read = await new FloorReader(host.Services.GetRequiredService<Database>()).ReadAllAsync(token);
                await Console.Out.WriteLineAsync($"Boden: {read} Zeilen gelesen in {started.Elapsed.TotalSeconds:F1} s");
                return 0;
            }

            var cycle = host.Services.GetRequiredService<NotificationCycle>();
            host.Services.GetRequiredService<ScanProgress>().Sink = new StderrProgress();
            string summary;
            if (!host.Services.GetRequiredService<DeadlineService>().CanUseTable)
            {
                var snapshot = await cycle.OpenDeadlinesAsync(day, token);
                var added = await cycle.ScanAsync(snapshot, day, token);
                summary = $"Scan {day:dd.MM.yyyy}: alle Fakten auf einmal ausgewertet, {snapshot.Deadlines.Count} offene Fristen, {added} Nachrichten neu im Postausgangsbuch";
            }
            else
            {
                var (table, plan) = await cycle.ScanTableAsync(day, token);
                var scan = table.Scan;
                summary = $"Scan {day:dd.MM.yyyy}: {(scan.Full ? "vollständig" : "inkrementell")}, {(scan.Unchanged ? "nichts geändert seit dem letzten Scan (keine Fakten gelesen), " : "")}{(scan.ChangedOnly ? "nur geänderte Partitionen gelesen, " : "")}{scan.Partitions} Partitionen, {scan.Evaluated} neu ausgewertet, "
                    + $"{scan.DayOnly} nur tagesabhängig, {scan.Removed} entfallen, {scan.DeadlinesWritten} Fristen geschrieben, "
                    + $"{plan.Open} offen, {plan.Planned} davon geplant ({(plan.ByDate ? "nach Stufendatum" : "alle")}), {plan.Added} Nachrichten neu im Postausgangsbuch, "
                    + $"{started.Elapsed.TotalSeconds:F1} s ({host.Services.GetRequiredService<ScanPhases>().Describe()})";
            }

            await Console.Out.WriteLineAsync(summary);
            return 0;
        }, ct, builder => builder.AddQevNotifications(), validateArguments: () => CliOptions.ParseDate(parse.GetValue(asOf), "--as-of")));
        return command;
    }
}
