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

    /// <summary>Attempts before a notice is dead.</summary>
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
}
