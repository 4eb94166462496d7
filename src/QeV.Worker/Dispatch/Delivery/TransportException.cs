namespace QeV.Worker.Dispatch.Delivery;

/// <summary>
/// The mail system failed, not a recipient: refused, timeout, TLS, login, 421, a refused sender, or every recipient
/// refused for a reason that is not theirs (relay denied). Says nothing about the notice: it stays owed, never dead.
/// The message is German and names the server ("Verbindung zu mail.example:587 abgelehnt").
/// </summary>
public sealed class TransportException : Exception
{
    public TransportException()
    {
    }

    public TransportException(string message)
        : base(message)
    {
    }

    public TransportException(string message, Exception? inner, bool timedOut = false)
        : base(message, inner) => TimedOut = timedOut;

    /// <summary>The server did not answer in time; not retried at once (the next try would hang as long).</summary>
    public bool TimedOut { get; }
}
