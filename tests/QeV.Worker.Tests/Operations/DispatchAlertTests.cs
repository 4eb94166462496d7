using QeV.Worker.Ledger;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Operations;

/// <summary>
/// The mail server is down for over an hour: Notifications:AdminEmail gets one alert, however often dispatch fails
/// afterwards, and one more mail when delivery works again. Real SMTP sink, both engines.
/// </summary>
public sealed class DispatchAlertTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<IReadOnlyList<NoticeRow>> AdminRowsAsync(TestWorker worker, string what) =>
        (await worker.RowsAsync()).Where(r => r.NoticeKey.StartsWith($"admin/{what}/", StringComparison.Ordinal)).ToList();

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_FailingOverAnHourThenRecovering_OneAlertAndOneRecoveryMail(TestEngine engine)
    {
        // Given: nothing listens on the configured port
        var domain = NewDomain();
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Files(domain));
        var port = SmtpSink.FreePort();
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Smtp(db, clock, port, domain);
        await worker.Cycle.ScanAsync(Day, None);

        // When: failing for 30 minutes
        (await worker.Cycle.DispatchAsync(Day, officeOpen: true, None)).Retrying.ShouldBe(1);
        clock.Advance(TimeSpan.FromMinutes(30));
        await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then: no alert yet
        (await AdminRowsAsync(worker, "dispatch-failing")).ShouldBeEmpty();

        // When: still failing after more than an hour, and again later
        clock.Advance(TimeSpan.FromMinutes(31));
        await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        clock.Advance(TimeSpan.FromHours(2));
        await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then: one alert in the ledger
        (await AdminRowsAsync(worker, "dispatch-failing")).Count.ShouldBe(1);
        (await AdminRowsAsync(worker, "dispatch-recovered")).ShouldBeEmpty();

        // When: the server is back
        await using var sink = await SmtpSink.StartAsync(fixture.Folder.Combine("up-" + Guid.NewGuid().ToString("N")[..8]), fixture.Folder.Combine("none.json"), port);
        clock.Advance(TimeSpan.FromHours(1));
        var up = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        var after = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        clock.Advance(TimeSpan.FromHours(3));
        await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then: the reminder and the alert went out, then the recovery mail; nothing twice
        up.Sent.ShouldBe(2, sink.Log);
        after.Sent.ShouldBe(1, sink.Log);
        (await AdminRowsAsync(worker, "dispatch-failing")).ShouldHaveSingleItem().State.ShouldBe(NoticeState.Sent);
        (await AdminRowsAsync(worker, "dispatch-recovered")).ShouldHaveSingleItem().State.ShouldBe(NoticeState.Sent);
        var admin = sink.MessagesTo("admin@" + domain);
        admin.Count.ShouldBe(2, sink.Log);
        admin.ShouldContain(m => m.Text.Contains("konnte keine Nachricht zugestellt werden", StringComparison.Ordinal));
        admin.ShouldContain(m => m.Text.Contains("funktioniert wieder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispatch_FailingWithoutAdminEmail_NoAlertRow()
    {
        // Given
        var domain = NewDomain();
        using var db = await TestDatabase.CreateAsync();
        await db.ImportAsync(Files(domain));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Smtp(db, clock, SmtpSink.FreePort(), domain, new Dictionary<string, string?> { ["Notifications:AdminEmail"] = "" });
        await worker.Cycle.ScanAsync(Day, None);

        // When
        await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);
        clock.Advance(TimeSpan.FromHours(2));
        await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then
        (await worker.RowsAsync()).ShouldNotContain(r => r.NoticeKey.StartsWith("admin/", StringComparison.Ordinal));
    }
}
