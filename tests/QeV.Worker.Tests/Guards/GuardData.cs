using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Guards;

/// <summary>A migrated database of the test's own with the notification import files in it.</summary>
internal static class GuardData
{
    public static Task<TestDatabase> DatabaseAsync(TestEngine engine, Dictionary<string, string> files) =>
        Notifications.DispatchTestSetup.DatabaseAsync(engine, files);

    /// <summary>
    /// The smallest step between two instants the engine stores: SQLite keeps instants as ISO text with milliseconds,
    /// PostgreSQL's timestamptz keeps microseconds. One such step after an instant is "one tick after" in the ledger.
    /// </summary>
    public static TimeSpan Tick(TestEngine engine) =>
        engine == TestEngine.Postgres ? TimeSpan.FromMicroseconds(1) : TimeSpan.FromMilliseconds(1);

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new ShouldAssertException($"timed out after {timeout.TotalSeconds:0} s waiting for {what}");
            }

            await Task.Delay(20);
        }
    }
}
