namespace QeV.Worker.Dispatch;

/// <summary>
/// What the dispatcher reads: attempts, retry delays and the claim lease. The keys stay in section Notifications
/// (Notifications:MaxAttempts, …), where they have always been; only the type moved beside the dispatcher.
/// </summary>
public sealed class DispatchOptions
{
    public const string Section = "Notifications";

    /// <summary>Attempts before a notice is dead.</summary>
    public int MaxAttempts { get; set; } = 15;

    /// <summary>First retry delay after a failed dispatch; doubles with each attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait between two attempts; with the defaults a notice survives a mail server outage of about 9 hours.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Retries within one dispatch run for a transient failure (4xx, connection refused), with growing delay.</summary>
    public int ImmediateRetries { get; set; } = 2;

    public TimeSpan ImmediateRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a worker may hold a claimed notice before another takes it over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);
}
