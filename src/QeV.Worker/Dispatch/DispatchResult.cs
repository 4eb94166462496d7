namespace QeV.Worker.Dispatch;

/// <summary>What one dispatch run did, counted per notice (a bundled mail carries several).</summary>
public sealed record DispatchResult(int Sent, int Retrying, int Dead)
{
    /// <summary>Claimed but no longer owed (fulfilled meanwhile, a past day's digest).</summary>
    public int Obsolete { get; init; }

    /// <summary>Mails handed to the server or written to the pickup folder.</summary>
    public int Mails { get; init; }

    /// <summary>Still owed because the mail system failed (refused, timeout, login, relay denied); never dead for that.</summary>
    public int Waiting { get; init; }

    /// <summary>Claimed but not tried: the run stopped first (breaker, graceful stop); given back as owed.</summary>
    public int Released { get; init; }

    /// <summary>What went wrong with the mail system in this run, in German ("Verbindung zu mail.example:587 abgelehnt"); null when nothing did.</summary>
    public string? Outage { get; init; }

    /// <summary>The circuit breaker ended the run after consecutive transport failures.</summary>
    public bool Stopped { get; init; }

    /// <summary>"beanspruchen 1.10 s, vorbereiten 0.75 s, …": where the run's time went, summed over its connections.</summary>
    public string Phases { get; init; } = "";

    public int Claimed => Sent + Retrying + Dead;

    public static DispatchResult Empty { get; } = new(0, 0, 0);
}
