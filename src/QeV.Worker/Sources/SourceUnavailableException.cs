namespace QeV.Worker.Sources;

/// <summary>
/// A mapped source could not be read and there are no earlier facts from it to keep: the scan stops rather than
/// computing deadlines without that entity.
/// </summary>
public sealed class SourceUnavailableException : Exception
{
    public SourceUnavailableException() { }

    public SourceUnavailableException(string message) : base(message) { }

    public SourceUnavailableException(string message, Exception inner) : base(message, inner) { }
}
