using QeV.Worker.Dispatch.Rendering;
using QeV.Worker.Ledger;
using QeV.Domain.Planning;
using QeV.Worker.Tests.Dispatch.Rendering;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Dispatch.Delivery;

/// <summary>
/// One mail per person and day (delivery issue): reminders, due, overdue notices and escalations owed to one recipient
/// on one day go as one mail grouped by rule, with text, HTML and one .ics holding one VEVENT per item; F06 goes at
/// once on its own; each item keeps its own ledger row; Notifications:Bundle=false switches it off.
/// </summary>
public sealed class BundlingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(TestDatabase Db, string Outbox)> DatabaseAsync(TestEngine engine, string domain)
    {
        var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Files(domain, cases: 3, missedAppointments: true));
        return (db, db.Folder.Combine("outbox"));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_ThreeRemindersAndAnF06ForOnePerson_OneBundleAndTheF06Apart(TestEngine engine)
    {
        // Given: the key worker owes three F01 reminders and is in Cc of the F06 notice
        var domain = NewDomain();
        var (db, outbox) = await DatabaseAsync(engine, domain);
        using var _ = db;
        using var worker = TestWorker.Pickup(db, ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0)), outbox,
            new Dictionary<string, string?> { ["Notifications:Bundle"] = "true" });
        await worker.Cycle.ScanAsync(Day, None);

        // When
        var result = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then: two mails, four notices, every ledger row sent on its own
        result.Sent.ShouldBe(4);
        result.Mails.ShouldBe(2);
        var mails = SmtpMessage.ReadFolder(outbox);
        mails.Count.ShouldBe(2);
        var bundle = mails.Single(m => m.NoticeKey!.StartsWith("bundle/", StringComparison.Ordinal));
        bundle.ItemKeys.ShouldBe([ReminderKey(1), ReminderKey(2), ReminderKey(3)]);
        bundle.Header("To").ShouldNotBeNull().ShouldContain("kw@" + domain);
        bundle.Header("Subject").ShouldNotBeNull().ShouldContain("3 Erinnerungen");
        bundle.Header("Message-ID").ShouldBe(MailComposer.MessageIdFor(bundle.NoticeKey!));
        bundle.HasPart("text/plain").ShouldBeTrue();
        bundle.HasPart("text/html").ShouldBeTrue();
        bundle.HasPart("text/calendar").ShouldBeTrue();
        bundle.Text.Split("BEGIN:VEVENT").Length.ShouldBe(4, bundle.Raw);
        bundle.Text.ShouldContain("F01 Entwicklungsbericht (3)");
        foreach (var n in new[] { 1, 2, 3 })
            bundle.Text.ShouldContain($"51.2-{1000 + n}/26");
        var f06 = mails.Single(m => m.NoticeKey == MissedAppointmentsKey);
        f06.Header("Cc").ShouldNotBeNull().ShouldContain("kw@" + domain);
        (await worker.RowsAsync()).ShouldAllBe(r => r.State == NoticeState.Sent && r.Attempts == 1);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notice_deliveries WHERE state = 'sent'")).ShouldBe(3 + 3);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_BundlingSwitchedOff_OneMailPerNotice(TestEngine engine)
    {
        // Given
        var domain = NewDomain();
        var (db, outbox) = await DatabaseAsync(engine, domain);
        using var _ = db;
        using var worker = TestWorker.Pickup(db, ManualTimeProvider.AtOffice(Day, new TimeOnly(9, 0)), outbox);
        await worker.Cycle.ScanAsync(Day, None);

        // When
        var result = await worker.Cycle.DispatchAsync(Day, officeOpen: true, None);

        // Then
        result.Mails.ShouldBe(4);
        SmtpMessage.ReadFolder(outbox).Select(m => m.NoticeKey).ShouldBe(
            [ReminderKey(1), ReminderKey(2), ReminderKey(3), MissedAppointmentsKey], ignoreOrder: true);
    }

    [Fact]
    public void Render_ItemsOfTwoRules_GroupedByRuleOneEventPerDatedItem()
    {
        // Given
        var to = new Recipient("S-7", "Petra Müller", "petra@example.org");
        var items = new[]
        {
            SampleNotices.Notice("F07", NoticeKind.Overdue) with { Key = "F07/a", To = to },
            SampleNotices.Notice("F01", NoticeKind.Reminder) with { Key = "F01/a", To = to },
            SampleNotices.Notice("F01", NoticeKind.Escalation, due: new DateOnly(2026, 11, 2)) with { Key = "F01/b", To = to },
        };
        var renderer = new BundleRenderer(new MailTemplates(), TimeProvider.System);

        // When
        var bundle = renderer.Render("bundle/x", to, SampleNotices.Today, items);

        // Then
        bundle.Subject.ShouldBe("Fristen am 23.11.2026: 1 Erinnerung, 1 überfällig, 1 Eskalation");
        bundle.Text.IndexOf("F01 Entwicklungsbericht (2)", StringComparison.Ordinal)
            .ShouldBeLessThan(bundle.Text.IndexOf("F07 Leistungsbericht (1)", StringComparison.Ordinal));
        bundle.Text.ShouldContain("Guten Tag Petra Müller");
        bundle.Text.ShouldContain("Kennung: F07/a");
        bundle.Html.ShouldContain("<h2");
        bundle.Events.Count.ShouldBe(3);
        bundle.Events.Select(e => e.Uid).Distinct().Count().ShouldBe(3);
    }
}
