using System.Diagnostics;
using System.Diagnostics.Metrics;
using QeV.Worker.Dispatch;
using QeV.Domain.Rules;

namespace QeV.Worker.Operations;

/// <summary>
/// The worker's metrics and traces (meter and activity source "QeV.Worker"), exported over OTLP when Otlp:Endpoint is
/// set: deadlines by rule and status, notices sent/failed/dead, scan and dispatch duration, age of the oldest owed notice.
/// </summary>
public sealed class QevMetrics : IDisposable
{
    public const string Name = "QeV.Worker";

    public static readonly ActivitySource Activities = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _dead;
    private readonly Histogram<double> _scanDuration;
    private readonly Histogram<double> _dispatchDuration;
    private readonly Lock _gate = new();
    private IReadOnlyList<Measurement<long>> _deadlines = [];
    private double? _oldestOwedSeconds;

    public QevMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _sent = _meter.CreateCounter<long>("qev.notices.sent", "{notice}", "Nachrichten, die der Mailserver angenommen hat");
        _failed = _meter.CreateCounter<long>("qev.notices.failed", "{notice}", "fehlgeschlagene Zustellversuche, die wiederholt werden");
        _dead = _meter.CreateCounter<long>("qev.notices.dead", "{notice}", "endgültig unzustellbare Nachrichten");
        _scanDuration = _meter.CreateHistogram<double>("qev.scan.duration", "s", "Dauer eines Scans");
        _dispatchDuration = _meter.CreateHistogram<double>("qev.dispatch.duration", "s", "Dauer eines Versandlaufs");
        _meter.CreateObservableGauge("qev.deadlines", () => { lock (_gate) { return _deadlines; } }, "{deadline}",
            "Fristen des letzten Scans nach Regel und Status");
        _meter.CreateObservableGauge("qev.notices.oldest_owed.age", ObserveOldest, "s",
            "Alter der ältesten noch geschuldeten Nachricht");
    }

    public void Scanned(IReadOnlyList<Deadline> deadlines, TimeSpan duration)
    {
        _scanDuration.Record(duration.TotalSeconds);
        var counts = deadlines
            .GroupBy(d => (d.Rule, Status: d.Status.ToString().ToLowerInvariant()))
            .Select(g => new Measurement<long>(g.Count(), new KeyValuePair<string, object?>("rule", g.Key.Rule),
                new KeyValuePair<string, object?>("status", g.Key.Status)))
            .ToList();
        lock (_gate)
        {
            _deadlines = counts;
        }
    }

    /// <summary>As above, from counts per rule and status (upcoming, due, overdue) taken by SQL.</summary>
    public void Scanned(IReadOnlyList<(string Rule, string Status, long Count)> counts, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(counts);
        _scanDuration.Record(duration.TotalSeconds);
        var measurements = counts
            .Select(c => new Measurement<long>(c.Count, new KeyValuePair<string, object?>("rule", c.Rule), new KeyValuePair<string, object?>("status", c.Status)))
            .ToList();
        lock (_gate)
        {
            _deadlines = measurements;
        }
    }

    public void Dispatched(DispatchResult result, TimeSpan duration, TimeSpan? oldestOwed)
    {
        _dispatchDuration.Record(duration.TotalSeconds);
        _sent.Add(result.Sent);
        _failed.Add(result.Retrying);
        _dead.Add(result.Dead);
        lock (_gate)
        {
            _oldestOwedSeconds = oldestOwed?.TotalSeconds;
        }
    }

    private IEnumerable<Measurement<double>> ObserveOldest()
    {
        lock (_gate)
        {
            return _oldestOwedSeconds is { } seconds ? [new Measurement<double>(seconds)] : [new Measurement<double>(0)];
        }
    }

    public void Dispose() => _meter.Dispose();
}
