using System.Globalization;
using Microsoft.Extensions.Options;
using QeV.Worker.Office;
using QeV.Worker.Sources;
using QeV.Worker.Store;

namespace QeV.Worker.Operations;

/// <summary>
/// Whether the last successful scan and the last dispatch are recent enough (stale before the first scan), and, with
/// mapped sources, whether each source was reachable at its last read: one that was not makes the worker "eingeschränkt"
/// (not healthy) while its last good facts are used.
/// </summary>
public sealed class HealthReport(
    WorkerStatusStore status, OfficeClock clock, IOptions<HealthOptions> options, IFactSource sources, SourceCopy copy)
{
    public async Task<(bool Healthy, string Line)> CheckAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var scan = await status.GetAsync(WorkerStatusStore.Scan, ct);
        var dispatch = await status.GetAsync(WorkerStatusStore.Dispatch, ct);
        var problems = new List<string>();
        if (scan is null)
        {
            problems.Add("noch kein Scan gelaufen");
        }
        else if (now - scan.At > options.Value.MaxScanAge)
        {
            problems.Add($"letzter erfolgreicher Scan vor {Span(now - scan.At)} ({Local(scan.At)}), erlaubt sind {Span(options.Value.MaxScanAge)} (Health:MaxScanAge)");
        }

        if (dispatch is null)
        {
            problems.Add("noch kein Versandlauf");
        }
        else if (now - dispatch.At > options.Value.MaxDispatchAge)
        {
            problems.Add($"letzter Versandlauf vor {Span(now - dispatch.At)} ({Local(dispatch.At)}), erlaubt sind {Span(options.Value.MaxDispatchAge)} (Health:MaxDispatchAge)");
        }

        var (sourcesDown, sourceLines) = await SourcesAsync(now, ct);
        var text = problems.Count > 0
            ? "Nicht gesund: " + string.Join("; ", problems) + ". Läuft `qev run`? Log und `qev doctor` prüfen."
            : sourcesDown
                ? $"Eingeschränkt: eine Quelle ist nicht erreichbar, es gelten ihre zuletzt gelesenen Daten; letzter Scan {Local(scan!.At)}, letzter Versandlauf {Local(dispatch!.At)}."
                : $"Gesund: letzter Scan {Local(scan!.At)}, letzter Versandlauf {Local(dispatch!.At)} ({dispatch.Detail}).";
        return (problems.Count == 0 && !sourcesDown, string.Join(Environment.NewLine, [text, .. sourceLines]));
    }

    /// <summary>One line per source (Sources:Connections) that maps an entity: read when, how long ago, or since when not.</summary>
    private async Task<(bool Down, List<string> Lines)> SourcesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var mapped = QeV.Domain.Tables.ImportCatalog.Tables.Select(t => t.Table).Where(sources.Maps).ToList();
        if (mapped.Count == 0)
        {
            return (false, []);
        }

        var reads = await copy.ReadsAsync(ct);
        var lines = new List<string>();
        var down = false;
        foreach (var group in mapped.GroupBy(sources.SourceOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var entities = group.Select(e => reads.GetValueOrDefault(e) ?? new SourceRead(e, group.Key, null, null, null, 0, null, null)).ToList();
            var failing = entities.Where(e => e.FailedAt is not null).ToList();
            var good = entities.Where(e => e.GoodAt is not null).Select(e => e.GoodAt!.Value).DefaultIfEmpty().Min();
            if (failing.Count > 0)
            {
                down = true;
                var first = failing.MinBy(e => e.FailedAt)!;
                var kept = good == default ? "es gibt keine früher gelesenen Daten" : $"es gelten die zuletzt gelesenen Daten vom {Local(good)} (vor {Span(now - good)})";
                lines.Add($"Quelle {group.Key}: nicht erreichbar seit {Local(first.FailedAt!.Value)} ({first.Failure}); {kept}; betrifft {string.Join(", ", failing.Select(e => e.Entity))}.");
            }
            else if (entities.Any(e => e.GoodAt is null))
            {
                lines.Add($"Quelle {group.Key}: noch nicht gelesen ({string.Join(", ", entities.Where(e => e.GoodAt is null).Select(e => e.Entity))}).");
            }
            else
            {
                lines.Add($"Quelle {group.Key}: erreichbar, zuletzt gelesen {Local(good)} (vor {Span(now - good)}), {entities.Sum(e => e.RowCount)} Zeilen in {entities.Count} Tabellen.");
            }
        }

        return (down, lines);
    }

    private string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, clock.Zone).ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Span(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds} s"),
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min"),
        { TotalDays: < 2 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} Tagen"),
    };
}
