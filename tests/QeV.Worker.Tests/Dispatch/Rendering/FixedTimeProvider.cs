namespace QeV.Worker.Tests.Dispatch.Rendering;

/// <summary>A clock that stands still.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
