using System.ComponentModel.DataAnnotations;
using QeV.Worker.Hosting;

namespace QeV.Worker.Notifications;

/// <summary>Section Notifications: when and how often mail goes out, and where data problems are reported.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Office hours in the office time zone, "07:00-18:00". Only F06 goes out of hours.</summary>
    public string OfficeHours { get; set; } = "07:00-18:00";

    /// <summary>Sends at any hour and on any day (run --demo sets it, so that mails appear at once). Not for production.</summary>
    public bool IgnoreOfficeHours { get; set; }

    /// <summary>Receives the daily report of data problems; empty: no admin report.</summary>
    public string? AdminEmail { get; set; }

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

    /// <summary>Team lead digests list what is due within this many business days.</summary>
    [Range(0, 60, ErrorMessage = Allowed.Between)]
    public int DigestDueSoonBusinessDays { get; set; } = 7;

    /// <summary>Folder whose &lt;name&gt;.hbs files override the built-in templates.</summary>
    public string? TemplateFolder { get; set; }

    public (TimeOnly From, TimeOnly Until) ParseOfficeHours()
    {
        var parts = OfficeHours.Split('-', StringSplitOptions.TrimEntries);
        return (TimeOnly.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
