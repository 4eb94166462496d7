using QeV.Domain.Planning;
using QeV.Worker.Dispatch;
using QeV.Worker.Ledger;
using QeV.Worker.Tests.Dispatch.Rendering;

namespace QeV.Worker.Tests.Dispatch.Grouping;

/// <summary>
/// Which mails a batch becomes (delivery issue, "one mail per person and day"): the bundle's addressee and key, what is
/// never bundled, and a notice that is alone for each of its addresses going as one mail to all of them.
/// </summary>
public sealed class MailGroupingTests
{
    private static readonly DateOnly Day = SampleNotices.Today;
    private static readonly Recipient Petra = new("S-7", "Petra Müller", "petra@example.org");

    private static DispatchItem Item(string key, NoticeKind kind, Recipient to, params Recipient[] cc)
    {
        var content = SampleNotices.Notice("F01", kind) with { Key = key, Kind = kind, To = to, Cc = cc };
        return new DispatchItem(new NoticeRow { NoticeKey = key, ToAddress = to.Email, State = NoticeState.Pending }, content, []);
    }

    [Fact]
    public void Plan_OneAddressWithAndWithoutStaffId_TheBundleNamesThePersonByTheirStaffId()
    {
        // Given: Petra as the To of one notice, and her address as a Cc without a staff id (an external copy) in another
        var items = new[]
        {
            Item("F01/a", NoticeKind.Reminder, new Recipient("S-9", "Karl Muster", "karl@example.org"), new Recipient(null, "Petra", Petra.Email)),
            Item("F01/b", NoticeKind.Overdue, Petra with { StandsInFor = "S-3" }),
            Item("F01/c", NoticeKind.Reminder, new Recipient("S-9", "Karl Muster", "karl@example.org")),
        };

        // When
        var mails = MailGrouping.Plan(items, bundle: true, Day);

        // Then: two bundles; Petra's is addressed to S-7, with no stand-in, keyed by her staff id
        mails.Count.ShouldBe(2);
        var petras = mails.Single(m => m.Addresses.Contains(Petra.Email));
        petras.BundleRecipient.ShouldBe(Petra);
        petras.Key.ShouldStartWith("bundle/2026-11-23/S-7/");
        petras.Parts.Select(p => p.Item.Key).ShouldBe(["F01/a", "F01/b"]);
    }

    [Fact]
    public void BundleKey_SameItemsInAnotherOrder_SameKey_AnotherItem_AnotherKey()
    {
        var key = MailGrouping.BundleKey(Day, Petra, ["F01/a", "F07/b"]);

        MailGrouping.BundleKey(Day, Petra, ["F07/b", "F01/a"]).ShouldBe(key);
        MailGrouping.BundleKey(Day, Petra, ["F01/a", "F07/c"]).ShouldNotBe(key);
        MailGrouping.BundleKey(Day.AddDays(1), Petra, ["F01/a", "F07/b"]).ShouldNotBe(key);
        MailGrouping.BundleKey(Day, Petra with { StaffId = null }, ["F01/a", "F07/b"]).ShouldStartWith("bundle/2026-11-23/petra@example.org/");
        key.ShouldMatch("^bundle/2026-11-23/S-7/[0-9a-f]{8}$");
    }

    [Theory]
    [InlineData(NoticeKind.Reminder, false, true)]
    [InlineData(NoticeKind.Due, false, true)]
    [InlineData(NoticeKind.Overdue, false, true)]
    [InlineData(NoticeKind.Escalation, false, true)]
    [InlineData(NoticeKind.Note, false, true)]
    [InlineData(NoticeKind.Missing, false, true)]
    [InlineData(NoticeKind.Escalation, true, false)]
    [InlineData(NoticeKind.Notice, false, false)]
    [InlineData(NoticeKind.Digest, false, false)]
    [InlineData(NoticeKind.AdminReport, false, false)]
    public void IsBundleable_EachKind_OnlyTheStagesOfADeadlineAndNeverAnUrgentOne(NoticeKind kind, bool urgent, bool expected)
    {
        var content = SampleNotices.Notice("F01", kind) with { Kind = kind, Urgent = urgent };

        MailGrouping.IsBundleable(content).ShouldBe(expected);
    }

    [Fact]
    public void Plan_ANoticeAloneForEachOfItsAddresses_OneMailToAllOfThem()
    {
        // Given: one notice To Karl, Cc Petra, and nothing else for either of them
        var item = Item("F01/a", NoticeKind.Escalation, new Recipient("S-9", "Karl Muster", "karl@example.org"), Petra);

        // When
        var mails = MailGrouping.Plan([item], bundle: true, Day);

        // Then: not a bundle, one mail with both addresses, keyed by the notice
        var mail = mails.ShouldHaveSingleItem();
        mail.IsBundle.ShouldBeFalse();
        mail.Key.ShouldBe("F01/a");
        mail.Addresses.ShouldBe(["karl@example.org", Petra.Email]);
    }

    [Fact]
    public void Plan_ANoticeAlreadySentToItsTo_OnlyTheCcIsOwedAndPlanned()
    {
        // Given: an earlier run delivered to Karl, Petra's copy failed
        var content = SampleNotices.Notice("F01", NoticeKind.Escalation) with
        {
            Key = "F01/a", To = new Recipient("S-9", "Karl Muster", "karl@example.org"), Cc = [Petra],
        };
        var item = new DispatchItem(new NoticeRow { NoticeKey = "F01/a", State = NoticeState.Failed }, content,
        [
            new DeliveryRow { NoticeKey = "F01/a", Address = "karl@example.org", State = NoticeState.Sent, Attempts = 1 },
            new DeliveryRow { NoticeKey = "F01/a", Address = Petra.Email, State = NoticeState.Failed, Attempts = 1 },
        ]);

        // When
        var mails = MailGrouping.Plan([item], bundle: true, Day);

        // Then
        mails.ShouldHaveSingleItem().Addresses.ShouldBe([Petra.Email]);
    }
}
