using QeV.Worker.Dispatch.Rendering;

namespace QeV.Worker.Tests.Dispatch.Rendering;

public sealed class MailBodyTests
{
    [Fact]
    public void Text_BlankAndWhitespaceLines_CollapseToOneParagraphBreak() =>
        MailBody.Text("  \nErster Absatz\n   \n\n\nZweiter\n- Punkt  \n\n").ShouldBe("Erster Absatz\n\nZweiter\n- Punkt");

    [Fact]
    public void Html_LinesStartingWithDash_BecomeAList() =>
        MailBody.Html("Überschrift:\n- eins\n- zwei\n\nSchluss").ShouldBe(
            "<p style=\"margin:0 0 1em 0;\">Überschrift:</p>\n" +
            "<ul style=\"margin:0 0 1em 0;padding-left:1.5em;\"><li>eins</li><li>zwei</li></ul>\n" +
            "<p style=\"margin:0 0 1em 0;\">Schluss</p>\n");

    [Fact]
    public void Html_LinesInOneParagraph_JoinWithBr() =>
        MailBody.Html("a\nb").ShouldBe("<p style=\"margin:0 0 1em 0;\">a<br>\nb</p>\n");

    [Fact]
    public void Html_TableRowsBetweenTextAndList_EachRunShapedOnItsOwn() =>
        MailBody.Html("Stand:\r\n| Regel | Frist |\r\n| F01 | 04.12.2026 |\r\n- erledigt\u2028Ende").ShouldBe(
            "<p style=\"margin:0 0 1em 0;\">Stand:</p>\n" +
            "<table style=\"margin:0 0 1em 0;border-collapse:collapse;\"><tr>" +
            "<th style=\"border:1px solid #cccccc;padding:2px 6px;text-align:left;vertical-align:top;\">Regel</th>" +
            "<th style=\"border:1px solid #cccccc;padding:2px 6px;text-align:left;vertical-align:top;\">Frist</th></tr><tr>" +
            "<td style=\"border:1px solid #cccccc;padding:2px 6px;text-align:left;vertical-align:top;\">F01</td>" +
            "<td style=\"border:1px solid #cccccc;padding:2px 6px;text-align:left;vertical-align:top;\">04.12.2026</td></tr></table>\n" +
            "<ul style=\"margin:0 0 1em 0;padding-left:1.5em;\"><li>erledigt</li></ul>\n" +
            "<p style=\"margin:0 0 1em 0;\">Ende</p>\n");

    [Theory]
    [InlineData("  \nErster Absatz\n   \n\n\nZweiter\n- Punkt  \n\n")]
    [InlineData("a\r\nb\r\n\r\n| x | y |\n| 1 | 2 |\n\n- eins\n- zwei\n\n\u0085c\u2029\fd")]
    [InlineData("")]
    [InlineData("\n\n")]
    public void AppendTextAndHtml_OntoExistingContent_AppendWhatTextAndHtmlReturn(string rendered)
    {
        // Given: a bundle's builders already hold earlier sections
        var text = new System.Text.StringBuilder("vorher\n\n");
        var html = new System.Text.StringBuilder("<p>vorher</p>\n");

        // When
        MailBody.AppendText(text, rendered);
        MailBody.AppendHtml(html, rendered);

        // Then
        text.ToString().ShouldBe("vorher\n\n" + MailBody.Text(rendered));
        html.ToString().ShouldBe("<p>vorher</p>\n" + MailBody.Html(rendered));
        MailBody.Html(rendered).ShouldBe(string.Concat(MailBody.Paragraphs(rendered).Select(p => MailBody.Html(string.Join('\n', p)))));
    }

    [Theory]
    [InlineData("Betreff\r\nBcc: x", "Betreff Bcc: x")]
    [InlineData("  a\t\tb\n", "a b")]
    [InlineData("a\u2028b", "a b")]
    public void SingleLine_ControlBreaks_BecomeSpaces(string value, string expected) =>
        MailBody.SingleLine(value).ShouldBe(expected);
}
