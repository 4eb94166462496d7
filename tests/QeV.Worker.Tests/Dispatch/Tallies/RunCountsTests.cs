using QeV.Worker.Dispatch;
using QeV.Worker.Ledger;

namespace QeV.Worker.Tests.Dispatch.Tallies;

/// <summary>
/// A run's tallies: what the run summary prints and what decides <c>run --once</c>'s exit code 4 (something is still
/// waiting for the mail system).
/// </summary>
public sealed class RunCountsTests
{
    private static readonly DateTimeOffset Later = new(2026, 6, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Result_OneOfEachOutcome_CountsEachOnceAndClaimedIsTheirSum()
    {
        var counts = new RunCounts { Mails = 3, Obsolete = 2, Released = 1 };

        counts.Add(new NoticeOutcome("a", NoticeState.Sent, Later, null, false), waiting: false);
        counts.Add(new NoticeOutcome("b", NoticeState.Dead, Later, "550", false), waiting: false);
        counts.Add(new NoticeOutcome("c", NoticeState.Failed, Later, "450", false), waiting: false);
        counts.Add(new NoticeOutcome("d", NoticeState.Failed, Later, "Verbindung abgelehnt", false), waiting: true);
        counts.Add(new NoticeOutcome("e", NoticeState.Failed, Later, "Verbindung abgelehnt", false), waiting: true);
        var result = counts.Result(null);

        (result.Sent, result.Dead, result.Retrying, result.Waiting).ShouldBe((1, 1, 3, 2));
        result.Claimed.ShouldBe(5);
        (result.Mails, result.Obsolete, result.Released).ShouldBe((3, 2, 1));
        result.Stopped.ShouldBeFalse();
        result.Outage.ShouldBeNull();
    }

    [Fact]
    public void Result_BreakerOpen_StoppedWithTheBreakersReason()
    {
        var counts = new RunCounts { LastTransportError = "Zeitüberschreitung" };

        var result = counts.Result("Verbindung zu mail.example:587 abgelehnt");

        result.Stopped.ShouldBeTrue();
        result.Outage.ShouldBe("Verbindung zu mail.example:587 abgelehnt");
    }

    [Fact]
    public void Result_TransportErrorWithoutBreaker_NotStoppedButTheErrorIsTheOutage()
    {
        var counts = new RunCounts { LastTransportError = "Zeitüberschreitung" };

        var result = counts.Result(null);

        result.Stopped.ShouldBeFalse();
        result.Outage.ShouldBe("Zeitüberschreitung");
    }
}
