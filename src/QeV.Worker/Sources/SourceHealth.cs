namespace QeV.Worker.Sources;

/// <summary>What the last scan found in the sources: for the log, health and the admin report.</summary>
/// <param name="Problems">Bad rows and unreachable sources, in the order found.</param>
/// <param name="KeptSince">Entities whose source could not be read, with the time of the rows kept instead.</param>
/// <param name="Entities">Every mapped entity with its source, the rows read (or kept) and the rows used.</param>
public sealed record SourceHealth(
    IReadOnlyList<SourceProblem> Problems,
    IReadOnlyDictionary<string, DateTimeOffset> KeptSince,
    IReadOnlyList<SourceEntityCount> Entities)
{
    public static SourceHealth None { get; } = new([], new Dictionary<string, DateTimeOffset>(), []);

    /// <summary>True when every mapped entity was read in the last scan.</summary>
    public bool AllReachable => KeptSince.Count == 0;
}

/// <summary>One mapped entity in the last scan.</summary>
public sealed record SourceEntityCount(string Entity, string Source, int Read, int Used, bool Reachable);
