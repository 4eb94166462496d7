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

    [Theory]
    [InlineData("Betreff\r\nBcc: x", "Betreff Bcc: x")]
    [InlineData("  a\t\tb\n", "a b")]
    [InlineData("a\u2028b", "a b")]
    public void SingleLine_ControlBreaks_BecomeSpaces(string value, string expected) =>
        MailBody.SingleLine(value).ShouldBe(expected);
}
