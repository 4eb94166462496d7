using Microsoft.Extensions.Options;
using QeV.Worker.Calendar;

namespace QeV.Worker.Office;

/// <summary>The office's local time, from the injected TimeProvider and the configured time zone.</summary>
public sealed class OfficeClock(TimeProvider time, IOptions<OfficeOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public Bundesland DefaultState { get; } =
        BundeslandCodes.TryParse(options.Value.DefaultState, out var state) ? state : Bundesland.ST;

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
