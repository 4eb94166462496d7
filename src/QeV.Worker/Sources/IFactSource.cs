namespace QeV.Worker.Sources;

/// <summary>
/// The seam the scan asks for rows per entity (a table of the import contract). Rows come as the contract's columns in
/// text form, unvalidated: the scan validates them exactly as the import does.
/// </summary>
public interface IFactSource
{
    /// <summary>True when a scan reads <paramref name="entity"/> here instead of from the worker's own store.</summary>
    bool Maps(string entity);

    /// <summary>The source's name (Sources:Connections:&lt;name&gt;) for messages.</summary>
    string SourceOf(string entity);

    /// <summary>True when the entity's query takes @changedSince, so a read may return only changed rows.</summary>
    bool ReadsChanges(string entity);

    IAsyncEnumerable<SourceRecord> ReadAsync(string entity, SourceWindow window, CancellationToken ct);
}
