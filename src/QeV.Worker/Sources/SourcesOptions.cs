namespace QeV.Worker.Sources;

/// <summary>
/// Sources:Connections:&lt;name&gt; and Sources:Queries:&lt;entity&gt;: which entities of the import contract a scan reads
/// straight from the case database instead of the worker's own store.
/// </summary>
public sealed class SourcesOptions
{
    public const string Section = "Sources";

    public Dictionary<string, SourceConnectionOptions> Connections { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>By entity (a table of the import contract, e.g. "cases").</summary>
    public Dictionary<string, SourceQueryOptions> Queries { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long a query with @changedSince may read only changes; after that one full read picks up deleted rows.
    /// </summary>
    public TimeSpan FullReadInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Per query; a source that does not answer within it counts as unreachable.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Values the binder could not read, reported by the validator with their key.</summary>
    internal List<string> BindErrors { get; } = [];

    public bool Any => Queries.Count > 0;
}
