namespace QeV.Worker.Store;

/// <summary>The database cannot be used at all (bad path, not a database, unreachable server).</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException(string message) : base(message) { }

    public StoreUnavailableException(string message, Exception inner) : base(message, inner) { }

    public StoreUnavailableException() { }
}
