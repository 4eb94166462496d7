using QeV.Worker.Scan;

namespace QeV.Worker.Tests.Scan;

/// <summary>
/// A long scan says how far it is (`qev scan` writes the lines to stderr): at most one line every ten seconds while
/// partitions are read and deadlines planned, each later step once the scan has run that long, nothing for a short scan.
/// </summary>
public sealed class ScanProgressTests
{
    [Fact]
    public void Evaluated_LinesAtMostEveryTenSeconds_CountingEveryBatch()
    {
        // Given
        var (progress, clock, lines) = Started();

        // When: three batches within the first ten seconds, one after them, one a second later
        progress.Evaluated(2000);
        clock.Advance(TimeSpan.FromSeconds(4));
        progress.Evaluated(2000);
        clock.Advance(TimeSpan.FromSeconds(5.9));
        progress.Evaluated(2000);
        clock.Advance(TimeSpan.FromSeconds(0.2));
        progress.Evaluated(2000);
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Evaluated(2000);

        // Then
        lines.ShouldBe(["Scan: 8.000 Partitionen gelesen und ausgewertet (10 s) …"]);
    }

    [Fact]
    public void StepAndPlanned_AfterALongRead_ReportWithTheCounts()
    {
        // Given
        var (progress, clock, lines) = Started();
        progress.Evaluated(1500);

        // When
        clock.Advance(TimeSpan.FromSeconds(30));
        progress.Step("die Fristen werden geplant");
        progress.Planned(10_000);
        clock.Advance(TimeSpan.FromSeconds(10));
        progress.Planned(10_000);

        // Then
        lines.ShouldBe(
        [
            "Scan: 1.500 Partitionen ausgewertet, die Fristen werden geplant (30 s) …",
            "Scan: 20.000 Fristen geplant (40 s) …",
        ]);
    }

    [Fact]
    public void ShortScan_NoLines()
    {
        // Given
        var (progress, clock, lines) = Started();

        // When: everything within nine seconds
        progress.Evaluated(2000);
        clock.Advance(TimeSpan.FromSeconds(9));
        progress.Step("die Fristen werden geplant");
        progress.Planned(10_000);

        // Then
        lines.ShouldBeEmpty();
    }

    [Fact]
    public void NoSink_NothingReportedAndNothingThrown()
    {
        var clock = new TickingClock();
        var progress = new ScanProgress(clock);
        progress.Start();
        clock.Advance(TimeSpan.FromMinutes(1));

        Should.NotThrow(() =>
        {
            progress.Evaluated(2000);
            progress.Step("x");
            progress.Planned(1);
        });
    }

    private static (ScanProgress Progress, TickingClock Clock, List<string> Lines) Started()
    {
        var clock = new TickingClock();
        var lines = new List<string>();
        var progress = new ScanProgress(clock) { Sink = new Lines(lines) };
        progress.Start();
        return (progress, clock, lines);
    }

    private sealed class Lines(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }

    /// <summary>A clock whose timestamps the test moves (ManualTimeProvider keeps the real Stopwatch ones).</summary>
    private sealed class TickingClock : TimeProvider
    {
        private long _ticks = 1_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
