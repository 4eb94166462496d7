using System.Globalization;
using Microsoft.Extensions.Options;
using QeV.Worker.Office;
using QeV.Worker.Store;

namespace QeV.Worker.Operations;

/// <summary>Whether the last successful scan and the last dispatch are recent enough; stale before the first scan.</summary>
public sealed class HealthReport(WorkerStatusStore status, OfficeClock clock, IOptions<HealthOptions> options)
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

        return problems.Count > 0
            ? (false, "Nicht gesund: " + string.Join("; ", problems) + ". Läuft `qev run`? Log und `qev doctor` prüfen.")
            : (true, $"Gesund: letzter Scan {Local(scan!.At)}, letzter Versandlauf {Local(dispatch!.At)} ({dispatch.Detail}).");
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
