namespace QeV.Worker.Dispatch.Delivery;

/// <summary>What the server said to one envelope recipient.</summary>
public enum RecipientOutcome
{
    /// <summary>The server accepted the message for this recipient (250 after DATA, or the pickup file is complete).</summary>
    Accepted,

    /// <summary>4xx at RCPT TO (greylisting, mailbox busy): try this recipient again later.</summary>
    Temporary,

    /// <summary>5xx for this address (unknown user, mailbox disabled): a data problem of that person.</summary>
    Permanent,
}

/// <summary>The outcome for one address and the server's reply ("450 4.2.0 Greylisted").</summary>
public sealed record RecipientResult(string Address, RecipientOutcome Outcome, string? Reply = null);
