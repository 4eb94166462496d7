using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Notifications;

/// <summary>
/// The set-up the dispatch tests share (DispatchSmtpTests, DeliveryFaultTests, NotificationCycleTests): a migrated
/// database of the test's own with the import files in it, and a clock at 09:00 on the test day, within office hours.
/// </summary>
internal static class DispatchTestSetup
{
    public static async Task<TestDatabase> DatabaseAsync(TestEngine engine, Dictionary<string, string> files)
    {
        var db = await TestDatabase.CreateAsync(engine);
        try
        {
            await db.ImportAsync(files);
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    public static ManualTimeProvider NineOClock() => ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
}
