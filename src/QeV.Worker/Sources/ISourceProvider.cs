namespace QeV.Worker.Sources;

/// <summary>How one engine opens a source connection that cannot write, and how it takes the query's parameters.</summary>
public interface ISourceProvider
{
    string Name { get; }

    /// <summary>An open connection inside a read-only transaction; disposing it rolls the transaction back.</summary>
    Task<SourceSession> OpenReadOnlyAsync(SourceConnectionOptions options, CancellationToken ct);

    /// <summary>@asOf as this engine compares it with a date column.</summary>
    object Date(DateOnly value);

    /// <summary>@changedSince as this engine compares it with a timestamp column.</summary>
    object Instant(DateTimeOffset value);

    /// <summary>The connection string without its password, for messages.</summary>
    string Describe(string connectionString);
}
