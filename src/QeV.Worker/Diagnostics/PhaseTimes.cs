using System.Diagnostics;
using System.Globalization;

namespace QeV.Worker.Diagnostics;

/// <summary>
/// Where a long run's time goes, phase by phase, summed over the threads that ran each phase: the `scan` and `run
/// --once` summaries print it, the benchmarks read it.
/// </summary>
public class PhaseTimes
{
    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Lock _gate = new();

    public void Reset()
    {
        lock (_gate)
        {
            _ticks.Clear();
            _order.Clear();
        }
    }

    public static long Start() => Stopwatch.GetTimestamp();

    public void Stop(string phase, long started) => Add(phase, Stopwatch.GetTimestamp() - started);

    public void Add(string phase, long ticks)
    {
        lock (_gate)
        {
            if (!_ticks.TryAdd(phase, ticks))
            {
                _ticks[phase] += ticks;
            }
            else
            {
                _order.Add(phase);
            }
        }
    }

    public TimeSpan Of(string phase)
    {
        lock (_gate)
        {
            return _ticks.TryGetValue(phase, out var t) ? Stopwatch.GetElapsedTime(0, t) : TimeSpan.Zero;
        }
    }

    /// <summary>"read 1.20 s, fingerprint 0.30 s, …" in the order the phases first ran.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            return string.Join(", ", _order.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p} {Stopwatch.GetElapsedTime(0, _ticks[p]).TotalSeconds:F2} s")));
        }
    }
}
