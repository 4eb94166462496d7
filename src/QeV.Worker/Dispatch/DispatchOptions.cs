using System.ComponentModel.DataAnnotations;

namespace QeV.Worker.Dispatch;

/// <summary>
/// What the dispatcher needs: attempts, delays, the claim lease, bundling and the circuit breaker. Bound from the
/// section Notifications, so the keys operators already set (Notifications:MaxAttempts, RetryDelay, …) keep working.
/// </summary>
public sealed class DispatchOptions
{
    public const string Section = "Notifications";

    /// <summary>Attempts per recipient before a temporary refusal (4xx at RCPT TO) makes that recipient dead.</summary>
    [Range(1, 100, ErrorMessage = "Notifications:MaxAttempts muss zwischen 1 und 100 liegen.")]
    public int MaxAttempts { get; set; } = 15;

    /// <summary>First delay after a failed attempt; doubles with each attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Retries within one run for a temporary failure, with growing delay.</summary>
    [Range(0, 10, ErrorMessage = "Notifications:ImmediateRetries muss zwischen 0 und 10 liegen.")]
    public int ImmediateRetries { get; set; } = 2;

    public TimeSpan ImmediateRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a worker may hold a claimed notice before another takes it over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One mail per person and day: reminders, due, overdue notices and escalations go out bundled (F06 never).</summary>
    public bool Bundle { get; set; } = true;

    /// <summary>Consecutive transport failures (refused, timeout, TLS, login, 421) after which a dispatch run stops.</summary>
    [Range(2, 100, ErrorMessage = "Notifications:BreakAfterTransportFailures muss zwischen 2 und 100 liegen.")]
    public int BreakAfterTransportFailures { get; set; } = 3;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: RetryDelay × 2^(attempt − 1), at most MaxRetryDelay.</summary>
    public TimeSpan BackoffAfter(int attempt)
    {
        var backoff = RetryDelay * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        return backoff < MaxRetryDelay ? backoff : MaxRetryDelay;
    }
}
