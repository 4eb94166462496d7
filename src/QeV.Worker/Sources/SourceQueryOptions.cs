namespace QeV.Worker.Sources;

/// <summary>Sources:Queries:&lt;entity&gt;: the read-only query whose result columns are the contract's columns.</summary>
public sealed class SourceQueryOptions
{
    /// <summary>Name under Sources:Connections; may be left out when there is exactly one connection.</summary>
    public string? Connection { get; set; }

    public string Sql { get; set; } = "";

    public bool UsesChangedSince => Sql.Contains("@changedSince", StringComparison.OrdinalIgnoreCase);

    public bool UsesAsOf => Sql.Contains("@asOf", StringComparison.OrdinalIgnoreCase);
}
