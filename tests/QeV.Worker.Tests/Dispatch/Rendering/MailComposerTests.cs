using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using QeV.Worker.Dispatch.Rendering;
using QeV.Domain.Planning;

namespace QeV.Worker.Tests.Dispatch.Rendering;

public sealed class MailComposerTests : IDisposable
{
    private static readonly MailAddress From = new("fristen@qev-worker.invalid", "QeV.Worker");
    private readonly string _pickup = Directory.CreateTempSubdirectory("qev-eml-").FullName;

    public void Dispose() => Directory.Delete(_pickup, recursive: true);

    private static (NoticeContent Notice, MailMessage Message) Compose(NoticeKind kind = NoticeKind.Reminder)
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
        message.Headers["Message-ID"].ShouldBe("<7e20654e460843bb005733ebc7acfef8@qev-worker>");
    }

    [Fact]
    public void Compose_Reminder_AddressesToAndCcWithNames()
    {
        using var message = Compose().Message;

        message.From.ShouldBe(From);
        message.To.Single().Address.ShouldBe("petra@example.org");
        message.To.Single().DisplayName.ShouldBe("Petra Müller");
        message.CC.Select(a => a.Address).ShouldBe(["carla@example.org", "tina@example.org"]);
        message.Subject.ShouldBe("Erinnerung: Entwicklungsbericht zu 51.2-0815/25 (fällig 04.12.2026)");
        message.SubjectEncoding.ShouldBe(Encoding.UTF8);
    }

    [Fact]
    public void Compose_Reminder_TextViewFirstThenHtml()
    {
        using var message = Compose().Message;

        message.AlternateViews.Count.ShouldBe(2);
        message.AlternateViews[0].ContentType.MediaType.ShouldBe(MediaTypeNames.Text.Plain);
        message.AlternateViews[0].ContentType.CharSet.ShouldBe("utf-8");
        message.AlternateViews[1].ContentType.MediaType.ShouldBe(MediaTypeNames.Text.Html);
        message.AlternateViews[1].ContentType.CharSet.ShouldBe("utf-8");
    }

    [Fact]
    public void Compose_Reminder_AttachesIcsAsTextCalendarPublish()
    {
        using var message = Compose().Message;

        var attachment = message.Attachments.ShouldHaveSingleItem();
        attachment.ContentType.MediaType.ShouldBe("text/calendar");
        attachment.ContentType.Parameters["method"].ShouldBe("PUBLISH");
        attachment.ContentType.CharSet.ShouldBe("utf-8");
        attachment.Name.ShouldBe("frist-f01-2026-12-04.ics");
        using var reader = new StreamReader(attachment.ContentStream, Encoding.UTF8);
        var ics = reader.ReadToEnd();
        ics.ShouldContain("DTSTART;VALUE=DATE:20261204\r\n");
        ics.ShouldContain("SUMMARY:Frist: Entwicklungsbericht 51.2-0815/25\r\n");
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

        message.Priority.ShouldBe(MailPriority.High);
    }

    [Fact]
    public void Compose_WrittenToPickupDirectory_EmlHasHeadersPartsAndCalendar()
    {
        // Given
        using var message = Compose().Message;
        using var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = _pickup };

        // When
        client.Send(message);

        // Then
        var eml = File.ReadAllText(Directory.GetFiles(_pickup, "*.eml").ShouldHaveSingleItem());
        eml.ShouldContain("X-QeV-Notice-Key: F01/M-1001/2026-12-04/reminder-10bd\r\n");
        eml.ShouldContain("Auto-Submitted: auto-generated\r\n");
        eml.ShouldContain("Message-ID: <7e20654e460843bb005733ebc7acfef8@qev-worker>\r\n");
        eml.ShouldContain("Content-Type: multipart/alternative");
        eml.ShouldContain("Content-Type: text/calendar");
        eml.ShouldContain("method=PUBLISH");
        eml.ShouldContain("frist-f01-2026-12-04.ics");
        eml.ShouldContain("carla@example.org");
        eml.IndexOf("Content-Type: text/plain", StringComparison.Ordinal)
            .ShouldBeLessThan(eml.IndexOf("Content-Type: text/html", StringComparison.Ordinal));
    }
}
