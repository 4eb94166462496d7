using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Dispatch.Claims;

/// <summary>
/// Inside one claimed batch the immediate notices go first: an F06 notice (three missed appointments) is not queued
/// behind the day's reminders on the same connection.
/// </summary>
public sealed class ClaimOrderTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private SmtpSink Sink => fixture.Sink;

    [Fact]
    public async Task Dispatch_UrgentAndReminderInOneBatch_UrgentGoesFirst()
    {
        // Given: the F06 notice to the case manager (Cc key worker and team lead) and the F01 reminder to the key worker,
        // one mail each, one connection
        var domain = NewDomain();
        using var db = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        await db.ImportAsync(Files(domain, missedAppointments: true));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain, new Dictionary<string, string?>
        {
            ["Mail:Smtp:Connections"] = "1", ["Notifications:Bundle"] = "false",
        });
        await worker.Cycle.ScanAsync(Day, CancellationToken.None);

        // When
        var result = await worker.Cycle.DispatchAsync(Day, officeOpen: true, CancellationToken.None);

        // Then: the sink stored the F06 notice (to the case manager, Cc key worker and lead) before the reminder
        result.Sent.ShouldBe(2, Sink.Log);
        var stored = Sink.Log.Split('\n').Where(l => l.Contains("stored", StringComparison.Ordinal) && l.Contains(domain, StringComparison.Ordinal)).ToList();
        stored.Count.ShouldBe(2, Sink.Log);
        stored[0].ShouldContain("'cm@" + domain + "'");
        stored[1].ShouldContain("['kw@" + domain + "']");
    }
}
