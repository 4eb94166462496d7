using QeV.Worker.Dispatch.Rendering;
using QeV.Domain.Planning;

namespace QeV.Worker.Tests.Dispatch.Rendering;

/// <summary>
/// The one mail about a deadline missed before the help ended. Seed 000, Fallbegleitung: the duties hold "in der Zeit der
/// Hilfegewährung"; after the end the mail says so once, names the end and the missed date, and asks for a note in the file.
/// </summary>
public sealed class EndedMailTests
{
    [Fact]
    public void Render_EndedNotice_NamesEndMissedDateAndWhatToDo()
    {
        // Given
        var renderer = new MailRenderer(new MailTemplates(), new FixedTimeProvider(new DateTimeOffset(2026, 4, 1, 6, 0, 0, TimeSpan.Zero)));
        var notice = SampleNotices.Notice("F02", NoticeKind.Ended, new DateOnly(2026, 3, 16), new DateOnly(2026, 4, 1)) with
        {
            RuleName = "Hilfeplanfortschreibung",
            FileReference = SampleNotices.FileReference,
            HelpEndedOn = new DateOnly(2026, 3, 31),
        };

        // When
        var mail = renderer.Render(notice);

        // Then
        mail.Subject.ShouldBe("Hilfe beendet, Frist versäumt: Hilfeplanfortschreibung zu 51.2-0815/25");
        mail.Text.ShouldContain("am 31.03.2026 beendet worden");
        mail.Text.ShouldContain("fällig am 16.03.2026");
        mail.Text.ShouldContain("die einzige Nachricht dazu");
        mail.Text.ShouldContain("Bitte vermerken Sie in der Akte");
    }
}
