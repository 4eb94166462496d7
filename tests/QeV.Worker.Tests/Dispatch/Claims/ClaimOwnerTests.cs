using System.Text.RegularExpressions;
using QeV.Worker.Dispatch;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Dispatch.Claims;

/// <summary>
/// A claim names the instance that holds it (machine, process and a random part for this start), so two instances
/// never take each other's claims for their own, and the IT staff can see in <c>notices.claimed_by</c> who holds one.
/// </summary>
public sealed partial class ClaimOwnerTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private SmtpSink Sink => fixture.Sink;

    [Fact]
    public async Task Dispatch_MailInFlight_ClaimNamesThisMachineAndProcess()
    {
        // Given: one reminder to kw@, and a sink that holds its RCPT TO for 2 s
        var domain = NewDomain();
        using var db = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        await db.ImportAsync(Files(domain));
        var clock = ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0));
        using var worker = TestWorker.Smtp(db, clock, Sink.Port, domain, new Dictionary<string, string?> { ["Mail:Smtp:Connections"] = "1" });
        (await worker.Cycle.ScanAsync(Day, CancellationToken.None)).ShouldBe(1);
        Sink.WriteScript(new Dictionary<string, object>
        {
            ["rules"] = new[] { new Dictionary<string, object> { ["match_rcpt"] = "kw@" + domain, ["stage"] = "rcpt", ["delay"] = 2, ["reply"] = "250 OK", ["times"] = 1 } },
        });

        // When: the claim is read while the mail is in flight
        var dispatch = worker.Cycle.DispatchAsync(Day, officeOpen: true, CancellationToken.None);
        await Guards.GuardData.WaitUntilAsync(() => Task.FromResult(Sink.Log.Contains("RCPT kw@" + domain, StringComparison.OrdinalIgnoreCase)),
            TimeSpan.FromSeconds(20), "the sink to hold the RCPT");
        var owner = await db.ScalarAsync<string?>("SELECT claimed_by FROM notices WHERE notice_key = @key", new { key = ReminderKey() });
        var result = await dispatch;
        Sink.WriteScript(new Dictionary<string, object>());

        // Then
        result.Sent.ShouldBe(1, Sink.Log);
        owner.ShouldBe(NoticeDispatcher.Worker);
        var parts = OwnerPattern().Match(owner!);
        parts.Success.ShouldBeTrue(owner);
        parts.Groups["machine"].Value.ShouldBe(Environment.MachineName);
        parts.Groups["process"].Value.ShouldBe(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("^(?<machine>[^:]+):(?<process>[0-9]+):[0-9a-f]{32}$")]
    private static partial Regex OwnerPattern();
}
