using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Ledger;
using QeV.Worker.Scheduling;
using QeV.Worker.Tests.Guards;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Scheduling;

/// <summary>
/// Scheduling/DigestJob: at the digest time the job writes the day's digests and hands them to dispatch at once, so the
/// team lead has the digest at the configured time and not only at the next dispatch firing.
/// </summary>
public sealed class DigestJobTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private static readonly DateOnly Monday = new(2026, 6, 8);

    private SmtpSink Sink => fixture.Sink;

    [Fact]
    public async Task Execute_AtTheDigestTime_SendsTheDigestWithoutADispatchFiring()
    {
        // Given: Monday 08.06.2026 07:30 office time (office open), the F01 reminder of case C-1 owed, nothing in the ledger
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(TestEngine.Sqlite, Files(domain));
        var clock = ManualTimeProvider.AtOffice(Monday, new TimeOnly(7, 30));
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain, schedules: true);

        // When: only the digest job runs, no dispatch job
        await ActivatorUtilities.CreateInstance<DigestJob>(worker.Services).Execute(null!, CancellationToken.None);

        // Then: the digest of team lead S-2 and the reminder it lists went out, each once
        var keys = Sink.MessagesTo(domain).Select(m => m.NoticeKey).ToList();
        keys.Count.ShouldBe(2, Sink.Log);
        keys.ShouldBe([ReminderKey(), "digest/S-2/2026-06-08"], ignoreOrder: true);
        var rows = await worker.RowsAsync();
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.State == NoticeState.Sent && r.Attempts == 1);
    }
}
