namespace QeV.Worker.Sources;

/// <summary>The query parameters of one read: the scan's day, and the instant since which changes are wanted (null: all rows).</summary>
public sealed record SourceWindow(DateOnly AsOf, DateTimeOffset? ChangedSince);
