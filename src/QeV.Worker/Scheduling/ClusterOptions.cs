using System.ComponentModel.DataAnnotations;
using QeV.Worker.Settings;

namespace QeV.Worker.Scheduling;

/// <summary>Section Cluster: how quickly instances on PostgreSQL notice that one of them has gone.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = Allowed.Duration, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = Allowed.Duration, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(30);
}
