using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Guards;

/// <summary>
/// Guard: the digest's ledger key carries the day (Planning/DigestPlanner, `digest/&lt;lead&gt;/&lt;day&gt;`): one digest
/// per lead on each business day, however often the digest job runs that day.
/// </summary>
public sealed class DigestKeyTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private SmtpSink Sink => fixture.Sink;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Digest_TwiceOnEachOfTwoBusinessDays_OneDigestPerDay(TestEngine engine)
    {
        // Given: Friday 05.06.2026 and Monday 08.06.2026, the digest job runs twice on each day
        var domain = NewDomain();
        using var db = await GuardData.DatabaseAsync(engine, Files(domain));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(7, 30));
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain);
        var monday = new DateOnly(2026, 6, 8);

        // When
        foreach (var (day, time) in new[] { (Day, new TimeOnly(7, 30)), (Day, new TimeOnly(11, 0)), (monday, new TimeOnly(7, 30)), (monday, new TimeOnly(11, 0)) })
        {
            clock.UtcNow = ManualTimeProvider.OfficeInstant(day, time);
            await worker.Cycle.DigestAsync(day, CancellationToken.None);
            await worker.Cycle.DispatchAsync(day, officeOpen: true, CancellationToken.None);
        }

        // Then
        var digests = Sink.MessagesTo("lead@" + domain).Select(m => m.NoticeKey).ToList();
        digests.Count.ShouldBe(2, Sink.Log);
        digests.ShouldBe(["digest/S-2/2026-06-05", "digest/S-2/2026-06-08"], ignoreOrder: true);
    }
}
