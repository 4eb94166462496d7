using QeV.Worker.Dispatch;

namespace QeV.Worker.Tests.Dispatch.Tallies;

/// <summary>Notifications:RetryDelay doubles with each attempt and stops at Notifications:MaxRetryDelay.</summary>
public sealed class BackoffTests
{
    private static readonly DispatchOptions Defaults = new(); // 1 min, at most 1 h

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)] // 64 min, capped
    [InlineData(15, 60)]
    [InlineData(1000, 60)]
    public void BackoffAfter_Defaults_DoublesUpToTheCap(int attempt, int minutes) =>
        Defaults.BackoffAfter(attempt).ShouldBe(TimeSpan.FromMinutes(minutes));

    [Fact]
    public void BackoffAfter_CapReachedExactly_IsTheCap()
    {
        var options = new DispatchOptions { RetryDelay = TimeSpan.FromMinutes(15), MaxRetryDelay = TimeSpan.FromMinutes(30) };

        options.BackoffAfter(1).ShouldBe(TimeSpan.FromMinutes(15));
        options.BackoffAfter(2).ShouldBe(TimeSpan.FromMinutes(30));
        options.BackoffAfter(3).ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void BackoffAfter_NineHoursOfOutageWithTheDefaults_AllFifteenAttemptsUsed()
    {
        // the promise of MaxRetryDelay's summary: with the defaults a notice survives a mail outage of about 9 hours
        var waited = Enumerable.Range(1, Defaults.MaxAttempts - 1).Aggregate(TimeSpan.Zero, (sum, attempt) => sum + Defaults.BackoffAfter(attempt));

        waited.ShouldBe(TimeSpan.FromMinutes(1 + 2 + 4 + 8 + 16 + 32 + 60 * 8));
    }
}
