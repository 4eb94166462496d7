using QeV.Worker.Ledger;
using QeV.Worker.Tests.Guards;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Scheduling;

/// <summary>
/// Dispatch/StillOwed: a digest is the overview of its day. One that was written but not delivered that day (mail
/// server down, worker stopped) is dropped the next day, not sent late beside the new one.
/// </summary>
public sealed class PastDigestTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private static readonly DateOnly Monday = new(2026, 6, 8);
    private static readonly DateOnly Tuesday = new(2026, 6, 9);

    private SmtpSink Sink => fixture.Sink;

    [Fact]
    public async Task Dispatch_MondaysDigestStillOwedOnTuesday_ObsoleteNotSent()
    {
        // Given: Monday's digest of team lead S-2 written at 07:30, never dispatched that day
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(TestEngine.Sqlite, Files(domain));
        var clock = ManualTimeProvider.AtOffice(Monday, new TimeOnly(7, 30));
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain);
        await worker.Cycle.DigestAsync(Monday, CancellationToken.None);
        (await worker.RowAsync("digest/S-2/2026-06-08")).State.ShouldBe(NoticeState.Pending);

        // When: Tuesday 09:00, the dispatch runs
        clock.UtcNow = ManualTimeProvider.OfficeInstant(Tuesday, new TimeOnly(9, 0));
        await worker.Cycle.DispatchAsync(Tuesday, officeOpen: true, CancellationToken.None);

        // Then: the reminder went out, Monday's digest did not and is obsolete
        var keys = Sink.MessagesTo(domain).Select(m => m.NoticeKey).ToList();
        keys.ShouldBe([ReminderKey()], Sink.Log);
        var digest = await worker.RowAsync("digest/S-2/2026-06-08");
        (digest.State, digest.LastError).ShouldBe((NoticeState.Obsolete, "Tagesübersicht vom 08.06.2026 ist überholt"));
    }
}
