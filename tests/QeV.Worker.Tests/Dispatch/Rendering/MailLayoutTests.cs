using QeV.Domain.Planning;
using QeV.Worker.Dispatch.Rendering;

namespace QeV.Worker.Tests.Dispatch.Rendering;

/// <summary>
/// A bundle's sections are spliced into the layouts instead of passing through the template engine
/// (<see cref="MailLayout.RenderAround"/>): the mail must come out exactly as rendering the layout with the body would,
/// with the embedded layouts and with override layouts that place or escape <c>@body</c> differently.
/// </summary>
public sealed class MailLayoutTests : IDisposable
{
    private const string Body = "hier sind Ihre 2 Hinweise.\n\n  F01 Entwicklungsbericht (2)  \n\n\n- Erinnerung: 51.2-0815/25\n\nKennung: F01/a\n\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("qev-layouts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Models() => ["plain", "stand-in", "cc-and-informed"];

    [Theory]
    [MemberData(nameof(Models))]
    public void RenderAround_EmbeddedLayouts_SameAsRenderingTheBody(string model)
    {
        // Given
        var templates = new MailTemplates(dataContact: "Support Fachverfahren");
        var content = Model(model);

        // When
        var text = templates.TextLayout.RenderAround(content, "Fristen am 23.11.2026", Body, MailBody.Text);
        var html = templates.HtmlLayout.RenderAround(content, "Fristen am 23.11.2026", "<p>a &amp; b</p>\n<ul><li>x</li></ul>\n");

        // Then
        text.ShouldBe(MailBody.Text(templates.TextLayout.Render(content, "Fristen am 23.11.2026", Body)));
        html.ShouldBe(templates.HtmlLayout.Render(content, "Fristen am 23.11.2026", "<p>a &amp; b</p>\n<ul><li>x</li></ul>\n"));
        text.ShouldContain("- Erinnerung: 51.2-0815/25");
        html.ShouldContain("<p>a &amp; b</p>");
        text.ShouldNotContain("qev-body");
        html.ShouldNotContain("qev-body");
    }

    [Theory]
    [InlineData("Guten Tag,\n{{@body}}\n\nEnde")]          // no blank line before the body: the body's own blank lines count
    [InlineData("Guten Tag,\n\n{{@body}}\nEnde")]          // no blank line after it
    [InlineData("Guten Tag, {{@body}} Ende")]               // the body inside a line
    [InlineData("{{@body}}\n\n{{@body}}")]                  // twice
    [InlineData("Kein Inhalt")]                             // not at all
    [InlineData("Anfang\n\n{{@body}}")]                     // a paragraph of its own, at the end
    public void RenderAround_OverrideTextLayout_SameAsRenderingTheBody(string layout)
    {
        // Given
        File.WriteAllText(Path.Combine(_folder, MailTemplateNames.TextLayout + MailTemplates.Extension), layout);
        var templates = new MailTemplates(_folder);

        const string body = "\n \n" + Body; // blank lines at both ends: where the layout has none, they make a paragraph break

        // When
        var text = templates.TextLayout.RenderAround(Model("plain"), "Betreff", body, MailBody.Text);

        // Then
        text.ShouldBe(MailBody.Text(templates.TextLayout.Render(Model("plain"), "Betreff", body)));
        text.ShouldNotContain("qev-body");
    }

    [Theory]
    [InlineData("<div>{{@body}}</div>")]                    // escaped: the body is shown as text, not spliced in as HTML
    [InlineData("<div>{{{@body}}}</div><p>{{{@body}}}</p>")] // twice
    [InlineData("<p>ohne</p>")]                             // not at all
    public void RenderAround_OverrideHtmlLayout_SameAsRenderingTheBody(string layout)
    {
        // Given
        File.WriteAllText(Path.Combine(_folder, MailTemplateNames.HtmlLayout + MailTemplates.Extension), layout);
        var templates = new MailTemplates(_folder);

        // When
        var html = templates.HtmlLayout.RenderAround(Model("plain"), "Betreff", "<p>a</p>");

        // Then
        html.ShouldBe(templates.HtmlLayout.Render(Model("plain"), "Betreff", "<p>a</p>"));
        html.ShouldNotContain("qev-body");
    }

    [Fact]
    public void RenderAround_BodyBlank_SameAsRenderingTheBody()
    {
        var templates = new MailTemplates();

        templates.TextLayout.RenderAround(Model("plain"), "Betreff", " \n\n ", MailBody.Text)
            .ShouldBe(MailBody.Text(templates.TextLayout.Render(Model("plain"), "Betreff", " \n\n ")));
    }

    private static NoticeContent Model(string kind) => new()
    {
        Key = "bundle/P-1/2026-11-23",
        Kind = NoticeKind.Reminder,
        Stage = "bundle",
        Day = SampleNotices.Today,
        To = kind == "stand-in"
            ? new Recipient("P-2", "Karl Vertretung", "karl@example.org", StandsInFor: "Petra Beispiel")
            : new Recipient("P-1", "Petra Beispiel", "petra@example.org"),
        Cc = kind == "cc-and-informed" ? [new Recipient("P-9", "Tina Leitung", "tina@example.org")] : [],
        AlsoInformed = kind == "cc-and-informed" ? ["Jugendamt Magdeburg"] : [],
    };
}
