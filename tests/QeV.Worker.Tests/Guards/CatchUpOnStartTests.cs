using QeV.Worker.Ledger;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Guards;

/// <summary>
/// Guard: a worker that was down catches up from state when it starts (Scheduling/CatchUpOnStart), instead of waiting
/// for the next firing of a schedule. No schedule fires in these tests: only the start-up catch-up runs.
/// </summary>
public sealed class CatchUpOnStartTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private static readonly DateOnly Thursday = new(2026, 6, 4);
    private static readonly DateOnly Monday = new(2026, 6, 8);

    private SmtpSink Sink => fixture.Sink;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Start_DownOverADueStageAndTheDigestTime_SendsTheStageAndTodaysDigestOnce(TestEngine engine)
    {
        // Given: the worker last ran Thursday 04.06.2026 17:00 (it sent the 10-business-day F01 reminder) and was down
        // until Monday 08.06. 09:00, over the 3-business-day reminder owed since Friday and over Monday's 07:30 digest
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(engine, Files(domain));
        var clock = ManualTimeProvider.AtOffice(Thursday, new TimeOnly(17, 0));
        using (var before = TestWorker.Smtp(db, clock, Sink.Port, domain, schedules: true))
        {
            (await before.Cycle.ScanAsync(Thursday, CancellationToken.None)).ShouldBe(1);
            (await before.Cycle.DispatchAsync(Thursday, officeOpen: true, CancellationToken.None)).Sent.ShouldBe(1);
        }

        var sentBefore = Sink.MessagesTo(domain).Select(m => m.NoticeKey).ToList();

        clock.UtcNow = ManualTimeProvider.OfficeInstant(Monday, new TimeOnly(9, 0));

        // When: it starts again
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain, schedules: true);
        await worker.CatchUpOnStartAsync();

        // Then: the reminder and Monday's digest, each once, before any schedule fired
        sentBefore.ShouldBe([ReminderKey(1).Replace("reminder-3bd", "reminder-10bd", StringComparison.Ordinal)]);
        var keys = Sink.MessagesTo(domain).Select(m => m.NoticeKey).Except(sentBefore).ToList();
        keys.Count.ShouldBe(2, Sink.Log);
        keys.ShouldBe([ReminderKey(), "digest/S-2/2026-06-08"], ignoreOrder: true);
        Sink.MessagesTo(domain).Count.ShouldBe(3);
        var rows = await worker.RowsAsync();
        rows.Count.ShouldBe(3);
        rows.ShouldAllBe(r => r.State == NoticeState.Sent && r.Attempts == 1);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Start_BeforeTheDigestTimeThenAgainAfterIt_DigestOnlyAfterItAndNothingTwice(TestEngine engine)
    {
        // Given: Monday 08.06.2026 07:10, office open, the digest (07:30) not yet due
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(engine, Files(domain));
        var clock = ManualTimeProvider.AtOffice(Monday, new TimeOnly(7, 10));

        // When: the worker starts, stops, and starts again at 07:31
        using (var early = TestWorker.Smtp(db, clock, Sink.Port, domain, schedules: true))
        {
            await early.CatchUpOnStartAsync();
        }

        var early710 = Sink.MessagesTo(domain).Select(m => m.NoticeKey).ToList();
        clock.UtcNow = ManualTimeProvider.OfficeInstant(Monday, new TimeOnly(7, 31));
        using var late = TestWorker.Smtp(db, clock, Sink.Port, domain, schedules: true);
        await late.CatchUpOnStartAsync();

        // Then: at 07:10 the reminder only; at 07:31 the digest only
        early710.ShouldBe([ReminderKey()]);
        var keys = Sink.MessagesTo(domain).Select(m => m.NoticeKey).ToList();
        keys.Count.ShouldBe(2, Sink.Log);
        keys.ShouldBe([ReminderKey(), "digest/S-2/2026-06-08"], ignoreOrder: true);
    }
    [Fact]
    public async Task Start_ExactlyAtTheDigestTime_SendsTheDigest()
    {
        // Given: Monday 08.06.2026 07:30:00.000, the very instant of the digest schedule
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(TestEngine.Sqlite, Files(domain));
        var clock = ManualTimeProvider.AtOffice(Monday, new TimeOnly(7, 30));

        // When
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain, schedules: true);
        await worker.CatchUpOnStartAsync();

        // Then: the digest time has come, so the start-up sends it (a schedule firing at the same instant adds nothing)
        var keys = Sink.MessagesTo(domain).Select(m => m.NoticeKey).ToList();
        keys.Count.ShouldBe(2, Sink.Log);
        keys.ShouldBe([ReminderKey(), "digest/S-2/2026-06-08"], ignoreOrder: true);
    }
}
