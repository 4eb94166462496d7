namespace QeV.Worker.Tests.Support;

/// <summary>
/// A clock the test sets and moves by hand (<see cref="UtcNow"/>, <see cref="Advance"/>). Only "now" is manual:
/// timers and delays (Polly's retry waits) still run on real time, so keep those delays tiny in tests.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private readonly Lock _gate = new();
    private DateTimeOffset _now = start.ToUniversalTime();

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }

        set
        {
            lock (_gate)
            {
                _now = value.ToUniversalTime();
            }
        }
    }

    /// <summary>A clock standing at a wall-clock time of the office (Europe/Berlin).</summary>
    public static ManualTimeProvider AtOffice(DateOnly day, TimeOnly time) => new(OfficeInstant(day, time));

    /// <summary>The instant at which <paramref name="time"/> on <paramref name="day"/> occurs in Europe/Berlin.</summary>
    public static DateTimeOffset OfficeInstant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Berlin.GetUtcOffset(local)).ToUniversalTime();
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override DateTimeOffset GetUtcNow() => UtcNow;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
