using QeV.Worker.Dispatch.Ics;
using QeV.Worker.Dispatch.Rendering;
using QeV.Domain.Planning;

namespace QeV.Worker.Tests.Dispatch.Rendering;

public sealed class MailRendererTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 30, 0, TimeSpan.FromHours(1));

    private static MailRenderer Renderer(string? overrideFolder = null) =>
        new(new MailTemplates(overrideFolder), new FixedTimeProvider(Now));

    public static TheoryData<string, NoticeKind> Combinations() => SampleNotices.All();

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Render_EveryRuleAndKind_HasSubjectTextAndHtml(string rule, NoticeKind kind)
    {
        // Given
        var notice = SampleNotices.Notice(rule, kind);

        // When
        var mail = Renderer().Render(notice);

        // Then
        mail.Subject.ShouldNotBeNullOrWhiteSpace();
        mail.Subject.ShouldContain("04.12.2026");
        if (SampleNotices.HasFileReference(rule))
            mail.Subject.ShouldContain(SampleNotices.FileReference);
        mail.Text.ShouldStartWith("Guten Tag Petra Beispiel,");
        mail.Text.ShouldContain("04.12.2026");
        mail.Text.ShouldContain(notice.Key);
        mail.Text.ShouldNotContain("{{");
        mail.Html.ShouldStartWith("<!DOCTYPE html>");
        mail.Html.ShouldContain("<html lang=\"de\">");
        mail.Html.ShouldContain("04.12.2026");
        mail.Html.ShouldNotContain("{{");
    }

    [Theory]
    [InlineData(NoticeKind.Reminder, "Erinnerung: Entwicklungsbericht zu 51.2-0815/25 (fällig 04.12.2026)")]
    [InlineData(NoticeKind.Due, "Heute fällig: Entwicklungsbericht zu 51.2-0815/25 (fällig 04.12.2026)")]
    [InlineData(NoticeKind.Overdue, "Frist überschritten: Entwicklungsbericht zu 51.2-0815/25 (fällig 04.12.2026)")]
    [InlineData(NoticeKind.Escalation, "Eskalation: Entwicklungsbericht zu 51.2-0815/25 (fällig 04.12.2026)")]
    public void Render_F01_SubjectSortsByStage(NoticeKind kind, string expected) =>
        Renderer().Render(SampleNotices.Notice("F01", kind)).Subject.ShouldBe(expected);

    [Theory]
    [InlineData("F07", NoticeKind.Reminder, "Erinnerung: Leistungsbericht (fällig 04.12.2026)")]
    [InlineData("F09", NoticeKind.Overdue, "Frist überschritten: Überprüfung der Standards in der AG § 78 (fällig 04.12.2026)")]
    [InlineData("F12", NoticeKind.Overdue, "Frist überschritten: Erweitertes Führungszeugnis (fällig 04.12.2026)")]
    [InlineData("F12", NoticeKind.Escalation, "Eskalation: Erweitertes Führungszeugnis von Karl Muster (fällig 04.12.2026)")]
    [InlineData("F06", NoticeKind.Notice, "Mitteilung: Drei Termine ohne Mitwirkung zu 51.2-0815/25 (zuletzt 04.12.2026)")]
    public void Render_RulesWithoutFileReference_SubjectNamesObligation(string rule, NoticeKind kind, string expected) =>
        Renderer().Render(SampleNotices.Notice(rule, kind)).Subject.ShouldBe(expected);

    [Theory]
    [InlineData(NoticeKind.Reminder, "Stand 23.11.2026: noch 11 Tage.")]
    [InlineData(NoticeKind.Overdue, "Stand 07.12.2026: seit 3 Tagen überfällig.")]
    public void Render_Status_SaysDaysLeftOrOverdue(NoticeKind kind, string expected) =>
        Renderer().Render(SampleNotices.Notice("F01", kind)).Text.ShouldContain(expected);

    [Fact]
    public void Render_F01Reminder_StatesObligationAndWhatToDo()
    {
        var text = Renderer().Render(SampleNotices.Notice("F01", NoticeKind.Reminder)).Text;

        text.ShouldContain("Die fallführende Fachkraft des Jugendamts braucht dafür zwei Wochen vorher einen Entwicklungsbericht");
        text.ShouldContain("Bitte bis zum 04.12.2026: den Entwicklungsbericht an die fallführende Fachkraft des Jugendamts senden.");
        text.ShouldContain("automatisch erstellt");
        text.ShouldContain("Bitte antworten Sie nicht");
    }

    [Fact]
    public void Render_F06Notice_SaysUnverzueglichWithoutCaseDetails()
    {
        var text = Renderer().Render(SampleNotices.Notice("F06", NoticeKind.Notice)).Text;

        text.ShouldContain("drei aufeinanderfolgende Termine ohne Mitwirkung");
        text.ShouldContain("unverzüglich");
        text.ShouldNotContain("8a");
        text.ShouldNotContain("Kindeswohl");
    }

    [Fact]
    public void Render_ScriptInFileReference_HtmlEscapesAndTextKeepsVerbatim()
    {
        // Given
        var notice = SampleNotices.Notice("F01", NoticeKind.Reminder) with
        {
            FileReference = "<script>alert(1)</script>",
            To = new Recipient("P-1", "Petra <b>Beispiel</b>", "petra@example.org"),
            Cc = [new Recipient("P-3", "Carla & \"Kopie\"", "carla@example.org")],
        };

        // When
        var mail = Renderer().Render(notice);

        // Then
        mail.Html.ShouldNotContain("<script>");
        mail.Html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        mail.Text.ShouldContain("<script>alert(1)</script>");
        mail.Subject.ShouldContain("<script>alert(1)</script>");
        mail.Html.ShouldContain("Guten Tag Petra &lt;b&gt;Beispiel&lt;/b&gt;,");
        mail.Html.ShouldContain("In Kopie an: Carla &amp; &quot;Kopie&quot;.");
        mail.Text.ShouldContain("In Kopie an: Carla & \"Kopie\".");
    }

    [Fact]
    public void Render_LineBreaksInValues_SubjectStaysOneLine()
    {
        var notice = SampleNotices.Notice("F01", NoticeKind.Reminder) with { FileReference = "51.2\r\nBcc: x@example.org" };

        var subject = Renderer().Render(notice).Subject;

        subject.ShouldNotContain('\r');
        subject.ShouldNotContain('\n');
        subject.ShouldContain("51.2 Bcc: x@example.org");
    }

    [Fact]
    public void Render_Html_BodyParagraphsArePElements()
    {
        var html = Renderer().Render(SampleNotices.Notice("F01", NoticeKind.Reminder)).Html;

        html.ShouldContain("<p style=\"margin:0 0 1em 0;\">Guten Tag Petra Beispiel,</p>");
        html.ShouldContain("<p style=\"margin:0 0 1em 0;\">für die Hilfe mit dem Aktenzeichen 51.2-0815/25");
        html.ShouldContain("<title>Erinnerung: Entwicklungsbericht zu 51.2-0815/25 (fällig 04.12.2026)</title>");
    }

    [Fact]
    public void Render_Deputy_SaysForWhomAndWhoElseWasTold()
    {
        // Given
        var notice = SampleNotices.Notice("F01", NoticeKind.Overdue) with
        {
            To = new Recipient("P-2", "Dana Vertretung", "dana@example.org", StandsInFor: "Petra Beispiel"),
            ResponsibleName = "Petra Beispiel",
            AlsoInformed = ["Tina Leitung (Teamleitung)", "Frank Fall (fallführende Fachkraft)"],
            Cc = [new Recipient("P-3", "Carla Kopie", "carla@example.org")],
        };

        // When
        var mail = Renderer().Render(notice);

        // Then
        mail.Text.ShouldStartWith("Sie erhalten diese Nachricht als Vertretung für Petra Beispiel.\n\nGuten Tag Dana Vertretung,");
        mail.Text.ShouldContain("Über diese Frist sind außerdem informiert: Tina Leitung (Teamleitung) und Frank Fall (fallführende Fachkraft).");
        mail.Text.ShouldContain("In Kopie an: Carla Kopie.");
        mail.Html.ShouldContain("als Vertretung für Petra Beispiel.</p>");
        mail.Html.ShouldContain("In Kopie an: Carla Kopie.</p>");
    }

    [Fact]
    public void Render_NoCopiesOrDeputy_LeavesNoEmptyLines()
    {
        var text = Renderer().Render(SampleNotices.Notice("F01", NoticeKind.Reminder)).Text;

        text.ShouldNotContain("\n\n\n");
        text.ShouldNotContain("Vertretung");
        text.ShouldNotContain("In Kopie");
        text.ShouldEndWith("Kennung der Nachricht: F01/S-1/2026-12-04/Reminder\n");
    }

    [Fact]
    public void Render_UnknownRule_UsesGenericTemplate()
    {
        var notice = SampleNotices.Notice("F99", NoticeKind.Overdue) with { FileReference = "51.9-1/26" };

        var mail = Renderer().Render(notice);

        mail.Subject.ShouldBe("Frist überschritten: Neue Frist F99 zu 51.9-1/26 (fällig 04.12.2026)");
        mail.Text.ShouldContain("seit 3 Tagen überfällig");
    }

    [Theory]
    [InlineData(NoticeKind.Reminder)]
    [InlineData(NoticeKind.Due)]
    public void Render_ReminderOrDue_CarriesAllDayEventOnDueDate(NoticeKind kind)
    {
        var calendar = Renderer().Render(SampleNotices.Notice("F01", kind)).Calendar;

        calendar.ShouldNotBeNull();
        calendar.Date.ShouldBe(SampleNotices.Due);
        calendar.Uid.ShouldBe(IcsWriter.StableUid("F01/S-1/2026-12-04"));
        calendar.Summary.ShouldBe("Frist: Entwicklungsbericht 51.2-0815/25");
        calendar.Description.ShouldContain("Entwicklungsbericht");
        calendar.Stamp.ShouldBe(Now);
    }

    [Fact]
    public void Render_StagesOfOneDeadline_ShareTheCalendarUid()
    {
        var reminder = Renderer().Render(SampleNotices.Notice("F12", NoticeKind.Reminder)).Calendar!;
        var due = Renderer().Render(SampleNotices.Notice("F12", NoticeKind.Due)).Calendar!;
        var nextDeadline = Renderer().Render(SampleNotices.Notice("F12", NoticeKind.Reminder, SampleNotices.Due.AddYears(5))).Calendar!;

        due.Uid.ShouldBe(reminder.Uid);
        nextDeadline.Uid.ShouldNotBe(reminder.Uid);
    }

    [Theory]
    [InlineData("F01", NoticeKind.Overdue)]
    [InlineData("F01", NoticeKind.Escalation)]
    [InlineData("F01", NoticeKind.Note)]
    [InlineData("F06", NoticeKind.Notice)]
    [InlineData("F12", NoticeKind.Missing)]
    public void Render_NotAReminder_HasNoCalendar(string rule, NoticeKind kind) =>
        Renderer().Render(SampleNotices.Notice(rule, kind)).Calendar.ShouldBeNull();

    [Fact]
    public void Render_ReminderWithoutDueDate_HasNoCalendar() =>
        Renderer().Render(SampleNotices.Notice("F01", NoticeKind.Reminder) with { DueDate = null }).Calendar.ShouldBeNull();

    [Fact]
    public void Render_ExplicitStamp_IsTheEventsStamp()
    {
        var stamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        Renderer().Render(SampleNotices.Notice("F07", NoticeKind.Reminder), stamp).Calendar!.Stamp.ShouldBe(stamp);
    }
}
