namespace QeV.Worker.Cli;

/// <summary>A wrong argument on the command line; reported in one line with exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }

    public UsageException() { }

    public UsageException(string message, Exception inner) : base(message, inner) { }
}
