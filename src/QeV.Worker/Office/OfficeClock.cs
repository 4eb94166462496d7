using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;
using QeV.Domain.Profiles;

namespace QeV.Worker.Office;

/// <summary>The office's local time, from the injected TimeProvider and the configured time zone.</summary>
public sealed class OfficeClock(TimeProvider time, IOptions<OfficeOptions> options, IOptions<RulesOptions>? rules = null)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>Office:DefaultState when set, else the profile's Bundesland (Rules:DefaultState), else ST.</summary>
    public Bundesland DefaultState { get; } =
        BundeslandCodes.TryParse(options.Value.DefaultState, out var state) ? state
        : BundeslandCodes.TryParse(rules?.Value.Profile.DefaultState, out var profileState) ? profileState
        : Bundesland.ST;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    /// <summary>The instant at which a local wall-clock time occurs in the office's zone.</summary>
    public DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
