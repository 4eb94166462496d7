namespace QeV.Worker.Sources;

/// <summary>A query ran but its result does not fit the contract (a required column is missing).</summary>
public sealed class SourceMappingException : Exception
{
    public SourceMappingException() { }

    public SourceMappingException(string message) : base(message) { }

    public SourceMappingException(string message, Exception inner) : base(message, inner) { }
}
