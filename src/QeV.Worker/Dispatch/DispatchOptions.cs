using System.ComponentModel.DataAnnotations;
using QeV.Worker.Settings;

namespace QeV.Worker.Dispatch;

/// <summary>
/// How the dispatcher retries and claims: the retry and lease keys of section Notifications (Notifications:MaxAttempts,
/// …), kept there so that existing settings stay valid; bounds as attributes, checks across keys in
/// <see cref="DispatchOptionsValidator"/>.
/// </summary>
public sealed class DispatchOptions
{
    public const string Section = "Notifications";

    /// <summary>Attempts per recipient refused with 4xx at RCPT TO before that recipient is given up (transport failures never count).</summary>
    [Range(1, 100, ErrorMessage = Allowed.Between)]
    public int MaxAttempts { get; set; } = 15;

    /// <summary>First retry delay after a failed dispatch; doubles with each attempt up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = Allowed.Duration, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait between two attempts; with the defaults a notice survives a mail server outage of about 9 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = Allowed.Duration, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Retries within one dispatch run for a transient failure (4xx, connection refused), with growing delay.</summary>
    [Range(0, 10, ErrorMessage = Allowed.Between)]
    public int ImmediateRetries { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = Allowed.Duration, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ImmediateRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a worker may hold a claimed notice before another takes it over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = Allowed.Duration, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One mail per person and day: reminders, due, overdue notices and escalations go out bundled (F06 never).</summary>
    public bool Bundle { get; set; } = true;

    /// <summary>Consecutive transport failures (refused, timeout, TLS, login, 421) after which a dispatch run stops.</summary>
    [Range(2, 100, ErrorMessage = Allowed.Between)]
    public int BreakAfterTransportFailures { get; set; } = 3;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: RetryDelay × 2^(attempt − 1), at most MaxRetryDelay.</summary>
    public TimeSpan BackoffAfter(int attempt)
    {
        var backoff = RetryDelay * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        return backoff < MaxRetryDelay ? backoff : MaxRetryDelay;
    }
}
