using QeV.Domain.Planning;
using QeV.Worker.Dispatch;
using QeV.Worker.Dispatch.Delivery;
using QeV.Worker.Ledger;
using QeV.Worker.Tests.Dispatch.Rendering;

namespace QeV.Worker.Tests.Dispatch.GroupCommit;

/// <summary>
/// A notice split over two bundles (delivery issue, "one mail per person and day"): its To goes in the key worker's
/// bundle, its Cc in the team lead's. Its ledger row gets its new state only when the second mail has been answered;
/// written after the first, it would count as a retry, lose its claim with the Cc still owed, and, once its retry time
/// came, another worker could claim it and send the team lead a second copy while this run still holds the lead's bundle.
/// </summary>
public sealed class MailRecordTests
{
    private static readonly DateOnly Day = SampleNotices.Today;
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Recipient KeyWorker = new("S-1", "Petra Beispiel", "petra@example.org");
    private static readonly Recipient Lead = new("S-2", "Karl Muster", "karl@example.org");

    private static DispatchItem Item(string key, Recipient to, params Recipient[] cc)
    {
        var content = SampleNotices.Notice("F01", NoticeKind.Reminder) with { Key = key, To = to, Cc = cc };
        var row = new NoticeRow { NoticeKey = key, Kind = "reminder", Rule = "F01", ToAddress = to.Email, State = NoticeState.Pending, NextAttemptAt = Now };
        return new DispatchItem(row, content, []);
    }

    /// <summary>The split notice, one more for each person, planned and counted as the dispatcher does it.</summary>
    private static (DispatchItem Split, IReadOnlyList<OutgoingMail> Mails) SplitOverTwoBundles()
    {
        var split = Item("F01/split", KeyWorker, Lead);
        var items = new[] { split, Item("F01/kw", KeyWorker), Item("F01/lead", Lead) };
        var mails = MailGrouping.Plan(items, bundle: true, Day);
        foreach (var mail in mails)
        {
            foreach (var item in mail.Items)
                item.MailsLeft++;
        }

        return (split, mails);
    }

    private static RecipientResult[] AllAccepted(OutgoingMail mail) =>
        [.. mail.Parts.Select(p => p.Address).Distinct(StringComparer.OrdinalIgnoreCase).Select(a => new RecipientResult(a, RecipientOutcome.Accepted, "250 ok"))];

    [Fact]
    public void Of_FirstOfTheTwoBundlesAnswered_TheSplitNoticeIsNotCompleteYet()
    {
        // Given
        var (split, mails) = SplitOverTwoBundles();
        mails.Count.ShouldBe(2);
        mails.Count(m => m.Items.Contains(split)).ShouldBe(2);
        var counts = new RunCounts();

        // When: the key worker's bundle is accepted
        var first = mails.Single(m => m.Parts.Any(p => p.Address == KeyWorker.Email));
        var record = MailRecord.Of(first, AllAccepted(first), null, counts, new DispatchOptions(), Now);

        // Then: only the key worker's own notice is complete; the split one waits for the lead's bundle
        record.Completed.Select(o => o.NoticeKey).ShouldBe(["F01/kw"]);
        record.Deliveries.Select(d => (d.NoticeKey, d.Address)).ShouldBe(
            [("F01/kw", KeyWorker.Email), ("F01/split", KeyWorker.Email)], ignoreOrder: true);
        split.Done.ShouldBeFalse();
        split.MailsLeft.ShouldBe(1);
        (counts.Sent, counts.Retrying, counts.Mails).ShouldBe((1, 0, 1));
    }

    [Fact]
    public void Of_BothBundlesAnswered_TheSplitNoticeIsCompletedOnceAsSent()
    {
        // Given
        var (split, mails) = SplitOverTwoBundles();
        var counts = new RunCounts();
        var options = new DispatchOptions();

        // When
        var records = mails.Select(m => MailRecord.Of(m, AllAccepted(m), null, counts, options, Now)).ToList();

        // Then: three notices complete, each once, all sent; the split one with the second mail
        var completed = records.SelectMany(r => r.Completed).ToList();
        completed.Count.ShouldBe(3);
        completed.Select(o => o.NoticeKey).ShouldBe(["F01/kw", "F01/lead", "F01/split"], ignoreOrder: true);
        completed.ShouldAllBe(o => o.State == NoticeState.Sent);
        records[1].Completed.Select(o => o.NoticeKey).ShouldContain("F01/split");
        split.Done.ShouldBeTrue();
        split.MailsLeft.ShouldBe(0);
        (counts.Sent, counts.Retrying, counts.Dead, counts.Mails).ShouldBe((3, 0, 0, 2));
    }

    [Fact]
    public void Of_TheLeadsBundleLostToATransportFailure_TheSplitNoticeStaysOwedToTheLeadOnly()
    {
        // Given
        var (split, mails) = SplitOverTwoBundles();
        var counts = new RunCounts();
        var options = new DispatchOptions();
        var first = mails.Single(m => m.Parts.Any(p => p.Address == KeyWorker.Email));
        var second = mails.Single(m => m != first);
        MailRecord.Of(first, AllAccepted(first), null, counts, options, Now);

        // When: the connection fails before the lead's bundle is accepted
        var record = MailRecord.Of(second, null, "Verbindung abgebrochen", counts, options, Now);

        // Then: the split notice is complete as failed (retry later), owed to the lead alone
        var outcome = record.Completed.Single(o => o.NoticeKey == "F01/split");
        outcome.State.ShouldBe(NoticeState.Failed);
        outcome.SentNow.ShouldBeTrue();
        split.Owed.Select(r => r.Email).ShouldBe([Lead.Email]);
        (counts.Sent, counts.Retrying, counts.Waiting).ShouldBe((1, 2, 2));
    }
}
