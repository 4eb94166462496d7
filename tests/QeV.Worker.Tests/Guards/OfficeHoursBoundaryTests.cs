using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Guards;

/// <summary>
/// Guard: a reminder goes only within Notifications:OfficeHours (default 07:00-18:00, the start included, the end
/// excluded) of a business day in the office's zone (Notifications/NotificationCycle.IsOfficeOpen and the claim's
/// office condition), checked one tick on each side of both boundaries through the dispatch the schedule runs.
/// </summary>
public sealed class OfficeHoursBoundaryTests
{
    public static TheoryData<string, bool> Instants => new()
    {
        { "06:59:59.9999999", false },
        { "07:00:00", true },
        { "17:59:59.9999999", true },
        { "18:00:00", false },
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public async Task Dispatch_OneTickAroundTheOfficeHours_SendsOnlyInside(string localTime, bool sends)
    {
        // Given: Friday 05.06.2026 (summer time), the F01 reminder owed
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(TestEngine.Sqlite, Files(domain));
        var outbox = db.Folder.Combine("mail-out");
        var clock = ManualTimeProvider.AtOffice(Day, TimeOnly.Parse(localTime, System.Globalization.CultureInfo.InvariantCulture));
        using var worker = TestWorker.Pickup(db, clock, outbox);
        await worker.Cycle.ScanAsync(Day, CancellationToken.None);

        // When: the dispatch job at that instant
        var result = await worker.Cycle.DispatchAsync(Day, worker.Cycle.IsOfficeOpen(), CancellationToken.None);

        // Then
        result.Sent.ShouldBe(sends ? 1 : 0);
        SmtpMessage.ReadFolder(outbox).Count.ShouldBe(sends ? 1 : 0);
    }
}
