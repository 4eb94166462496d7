using System.ComponentModel.DataAnnotations;
using QeV.Worker.Settings;

namespace QeV.Worker.Scan;

/// <summary>
/// How instances share a scan on PostgreSQL (section Scan): how many partitions one range holds, and how long an
/// instance may hold a claimed range before another takes it over (an instance killed between claiming and finishing
/// it). SQLite and SQL Server scan in one transaction and ignore both.
/// </summary>
public sealed class ScanOptions
{
    public const string Section = "Scan";

    /// <summary>Partitions (cases, then staff members) per range, counted in the order the partition reader walks them.</summary>
    [Range(1, 1_000_000, ErrorMessage = Allowed.Between)]
    public int RangeSize { get; set; } = 2_000;

    /// <summary>After this long a claimed range that is not being written any more is taken over by another instance.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = Allowed.Duration, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RangeLease { get; set; } = TimeSpan.FromMinutes(2);
}
