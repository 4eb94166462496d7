namespace QeV.Worker.Office;

/// <summary>Section Clock: only for demonstrations and tests. Empty means real time.</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary>An ISO 8601 instant, e.g. 2026-11-23T08:00:00+01:00, at which the worker's clock starts.</summary>
    public string? Start { get; set; }
}
