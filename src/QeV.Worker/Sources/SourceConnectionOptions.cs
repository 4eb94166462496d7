namespace QeV.Worker.Sources;

/// <summary>Sources:Connections:&lt;name&gt;: one case database the worker may read but never write.</summary>
public sealed class SourceConnectionOptions
{
    /// <summary>sqlite, postgres or sqlserver.</summary>
    public string Provider { get; set; } = "";

    /// <summary>Kept out of committed files: set it as an environment variable (Sources__Connections__fv__ConnectionString).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>SQL Server only: snapshot (default, needs ALLOW_SNAPSHOT_ISOLATION ON) or readcommitted.</summary>
    public string? Isolation { get; set; }
}
