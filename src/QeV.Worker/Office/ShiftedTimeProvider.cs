namespace QeV.Worker.Office;

/// <summary>
/// Real time moved to another start (Clock:Start), for demonstrations and the multi-instance test: the worker behaves
/// as if it had been started at that instant, and time runs on from there.
/// </summary>
public sealed class ShiftedTimeProvider(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
}
