using System.ComponentModel.DataAnnotations;
using QeV.Worker.Settings;

namespace QeV.Worker.Operations;

/// <summary>Section Health: how old the last scan and dispatch may be for `qev health`, and when the admin is alerted.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Three periods of the default Schedule:ScanCron (every 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = Allowed.Duration, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MaxScanAge { get; set; } = TimeSpan.FromMinutes(45);

    /// <summary>Several periods of the default Schedule:DispatchCron (every minute).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = Allowed.Duration, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MaxDispatchAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Notifications:AdminEmail gets one mail when delivery has failed this long, and one when it works again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = Allowed.Duration, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan DispatchAlertAfter { get; set; } = TimeSpan.FromHours(1);
}
