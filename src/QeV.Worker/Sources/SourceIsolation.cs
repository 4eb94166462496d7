using System.Data;

namespace QeV.Worker.Sources;

/// <summary>Sources:Connections:&lt;name&gt;:Isolation as a transaction isolation level (SQL Server sources).</summary>
public static class SourceIsolation
{
    public static IsolationLevel? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "snapshot" => IsolationLevel.Snapshot,
        "readcommitted" => IsolationLevel.ReadCommitted,
        _ => null,
    };
}
