using System.ComponentModel.DataAnnotations;

namespace QeV.Worker.Office;

/// <summary>Where the office is: its time zone and the Bundesland used when an organisation has none.</summary>
public sealed class OfficeOptions
{
    public const string Section = "Office";

    [TimeZoneId]
    public string TimeZone { get; set; } = "Europe/Berlin";

    /// <summary>Overrides the profile's Bundesland (Rules:DefaultState); empty means the profile's.</summary>
    [BundeslandCode]
    public string? DefaultState { get; set; }
}
