using MimeKit;
using QeV.Worker.Dispatch.Delivery;
using QeV.Worker.Dispatch.Rendering;
using QeV.Domain.Planning;

namespace QeV.Worker.Tests.Dispatch.Rendering;

public sealed class MailComposerTests : IDisposable
{
    private static readonly MailboxAddress From = new("QeV.Worker", "fristen@qev-worker.invalid");
    private readonly string _pickup = Directory.CreateTempSubdirectory("qev-eml-").FullName;

    public void Dispose() => Directory.Delete(_pickup, recursive: true);

    private static (NoticeContent Notice, MimeMessage Message) Compose(NoticeKind kind = NoticeKind.Reminder)
    {
        var notice = SampleNotices.Notice("F01", kind) with
        {
            Key = "F01/M-1001/2026-12-04/reminder-10bd",
            To = new Recipient("P-1", "Petra Müller", "petra@example.org"),
            Cc = [new Recipient("P-3", "Carla Kopie", "carla@example.org"), new Recipient("P-4", "Tina Leitung", "tina@example.org")],
        };
        var rendered = new MailRenderer(new MailTemplates(), TimeProvider.System)
            .Render(notice, new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        return (notice, MailComposer.Compose(notice, rendered, From));
    }

    private static string Eml(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void MessageIdFor_Key_IsHashOfKeyAtQevWorker() =>
        MailComposer.MessageIdFor("F01/M-1001/2026-12-04/reminder-10bd").ShouldBe("<7e20654e460843bb005733ebc7acfef8@qev-worker>");

    [Fact]
    public void MessageIdFor_DifferentKeys_Differ() =>
        MailComposer.MessageIdFor("a").ShouldNotBe(MailComposer.MessageIdFor("b"));

    [Fact]
    public void Compose_Reminder_SetsNoticeKeyAutoSubmittedAndMessageId()
    {
        using var message = Compose().Message;

        message.Headers["X-QeV-Notice-Key"].ShouldBe("F01/M-1001/2026-12-04/reminder-10bd");
        message.Headers["Auto-Submitted"].ShouldBe("auto-generated");
        ("<" + message.MessageId + ">").ShouldBe("<7e20654e460843bb005733ebc7acfef8@qev-worker>");
    }

    [Fact]
    public void Compose_Reminder_AddressesToAndCcWithNames()
    {
        using var message = Compose().Message;

        message.From.Mailboxes.Single().Address.ShouldBe(From.Address);
        message.To.Mailboxes.Single().Address.ShouldBe("petra@example.org");
        message.To.Mailboxes.Single().Name.ShouldBe("Petra Müller");
        message.Cc.Mailboxes.Select(a => a.Address).ShouldBe(["carla@example.org", "tina@example.org"]);
        message.Subject.ShouldBe("Erinnerung: Entwicklungsbericht zu 51.2-0815/25 (fällig 04.12.2026)");
    }

    [Fact]
    public void Compose_Reminder_TextPartFirstThenHtml()
    {
        using var message = Compose().Message;

        var alternative = message.BodyParts.OfType<TextPart>().ToList();
        alternative.Count.ShouldBe(3);
        alternative[0].ContentType.MimeType.ShouldBe("text/plain");
        alternative[0].ContentType.Charset.ShouldBe("utf-8");
        alternative[1].ContentType.MimeType.ShouldBe("text/html");
        alternative[1].ContentType.Charset.ShouldBe("utf-8");
    }

    [Fact]
    public void Compose_Reminder_AttachesIcsAsTextCalendarPublish()
    {
        using var message = Compose().Message;

        var attachment = message.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        attachment.ContentType.MimeType.ShouldBe("text/calendar");
        attachment.ContentType.Parameters["method"].ShouldBe("PUBLISH");
        attachment.ContentType.Charset.ShouldBe("utf-8");
        attachment.FileName.ShouldBe("frist-f01-2026-12-04.ics");
        var ics = ((TextPart)attachment).Text.ReplaceLineEndings("\n");
        ics.ShouldContain("DTSTART;VALUE=DATE:20261204\n");
        ics.ShouldContain("SUMMARY:Frist: Entwicklungsbericht 51.2-0815/25\n");
    }

    [Fact]
    public void Compose_Escalation_HasNoAttachment()
    {
        using var message = Compose(NoticeKind.Escalation).Message;

        message.Attachments.ShouldBeEmpty();
        message.Headers["X-QeV-Notice-Key"].ShouldNotBeNull();
    }

    [Fact]
    public void Compose_UrgentNotice_HasHighPriority()
    {
        var notice = SampleNotices.Notice("F06", NoticeKind.Notice) with { Urgent = true };
        var rendered = new MailRenderer(new MailTemplates(), TimeProvider.System).Render(notice);

        using var message = MailComposer.Compose(notice, rendered, From);

        message.Priority.ShouldBe(MessagePriority.Urgent);
        message.Importance.ShouldBe(MessageImportance.High);
    }

    [Fact]
    public async Task Compose_WrittenToPickupFolder_EmlNamedAfterKeyHasHeadersPartsAndCalendar()
    {
        // Given
        using var message = Compose().Message;
        var transport = new PickupMailTransport(Microsoft.Extensions.Options.Options.Create(new MailOptions { PickupDirectory = _pickup }));

        // When
        await transport.SendAsync(message, "F01/M-1001/2026-12-04/reminder-10bd", [new MailboxAddress("", "petra@example.org")], CancellationToken.None);

        // Then
        var file = Directory.GetFiles(_pickup).ShouldHaveSingleItem();
        Path.GetFileName(file).ShouldBe("F01_M-1001_2026-12-04_reminder-10bd.eml");
        var eml = File.ReadAllText(file);
        eml.ShouldContain("X-QeV-Notice-Key: F01/M-1001/2026-12-04/reminder-10bd\r\n");
        eml.ShouldContain("Auto-Submitted: auto-generated\r\n");
        eml.ShouldContain("Message-Id: <7e20654e460843bb005733ebc7acfef8@qev-worker>\r\n");
        eml.ShouldContain("Content-Type: multipart/alternative");
        eml.ShouldContain("Content-Type: text/calendar");
        eml.ShouldContain("method=PUBLISH");
        eml.ShouldContain("frist-f01-2026-12-04.ics");
        eml.ShouldContain("carla@example.org");
        eml.IndexOf("Content-Type: text/plain", StringComparison.Ordinal)
            .ShouldBeLessThan(eml.IndexOf("Content-Type: text/html", StringComparison.Ordinal));
        Eml(message).ShouldBe(eml);
    }
}
