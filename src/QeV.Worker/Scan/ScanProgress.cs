namespace QeV.Worker.Scan;

/// <summary>
/// Progress lines of a long scan: the partitions read and evaluated so far, at most one line every
/// <see cref="Every"/>, and each later step as it starts. Nothing is reported without a <see cref="Sink"/> (the worker
/// service logs the scan's summary only); the `scan` command writes them to stderr. A full scan of a million cases
/// runs for many minutes and said nothing until its summary line.
/// </summary>
public sealed class ScanProgress(TimeProvider time)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    private static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    private long _started;
    private long _last;
    private long _partitions;
    private long _planned;

    public IProgress<string>? Sink { get; set; }

    public void Start()
    {
        _started = _last = time.GetTimestamp();
        _partitions = 0;
        _planned = 0;
    }

    /// <summary>Counts a batch of partitions; reports when the last line is <see cref="Every"/> old.</summary>
    public void Evaluated(int partitions) => Count(ref _partitions, partitions, "Partitionen gelesen und ausgewertet");

    /// <summary>Counts a batch of planned deadlines; reports like <see cref="Evaluated"/>.</summary>
    public void Planned(int deadlines) => Count(ref _planned, deadlines, "Fristen geplant");

    /// <summary>A step after the partitions ("die Fristen werden geplant"), once the scan has run <see cref="Every"/>: a short scan prints only its summary.</summary>
    public void Step(string what)
    {
        if (Sink is null)
            return;
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(_started, now) < Every)
            return;
        _last = now;
        Sink.Report(string.Create(German, $"Scan: {_partitions:N0} Partitionen ausgewertet, {what} ({Seconds(now)} s) …"));
    }

    private void Count(ref long total, int batch, string what)
    {
        total += batch;
        if (Sink is null)
            return;
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(_last, now) < Every)
            return;
        _last = now;
        Sink.Report(string.Create(German, $"Scan: {total:N0} {what} ({Seconds(now)} s) …"));
    }

    private string Seconds(long now) => time.GetElapsedTime(_started, now).TotalSeconds.ToString("F0", German);
}
