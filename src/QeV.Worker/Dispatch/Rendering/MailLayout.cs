using HandlebarsDotNet;
using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// A compiled layout: the notice's fields as context, the rendered subject and body as <c>@subject</c> and
/// <c>@body</c> (in the HTML layout <c>{{{@body}}}</c>, since the body is already escaped), and whom to contact when the
/// data is wrong as <c>@contact</c> (empty when not configured).
/// </summary>
public sealed class MailLayout
{
    private readonly HandlebarsTemplate<object, object> _template;
    private readonly string _contact;

    internal MailLayout(string name, string source, IHandlebars env, string? contact = null)
    {
        Name = name;
        _contact = contact ?? "";
        _template = env.Compile(source.ReplaceLineEndings("\n").TrimStart('\uFEFF'));
    }

    public string Name { get; }

    public string Render(NoticeContent content, string subject, string body) =>
        _template(content, new { subject, body, contact = _contact });

    /// <summary>
    /// The same as <c>shape(Render(content, subject, body))</c> (no shaping when <paramref name="shape"/> is null), for a
    /// long body such as a bundle's sections: the layout is rendered with a marker in the body's place and the body spliced
    /// in, so it never passes through the template engine. The splice is taken only where it cannot change the result:
    /// the marker comes out exactly once and as written (a layout that escapes <c>@body</c> changes it), and when shaped,
    /// as a paragraph of its own with a non-empty shaped body. Otherwise the layout is rendered with the body.
    /// </summary>
    public string RenderAround(NoticeContent content, string subject, string body, Func<string, string>? shape = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var framed = _template(content, new { subject, body = BodyMarker, contact = _contact });
        string? inner = null;
        if (shape is not null)
        {
            framed = shape(framed);
            inner = shape(body);
        }

        var at = framed.IndexOf(BodyMarker, StringComparison.Ordinal);
        var end = at + BodyMarker.Length;
        var spliceable = at >= 0 && framed.IndexOf(BodyMarker, end, StringComparison.Ordinal) < 0
            && (shape is null || (inner!.Length > 0 && ParagraphStartsAt(framed, at) && ParagraphEndsAt(framed, end)));
        if (!spliceable)
        {
            var whole = Render(content, subject, body);
            return shape is null ? whole : shape(whole);
        }

        return string.Concat(framed.AsSpan(0, at), inner ?? body, framed.AsSpan(end));
    }

    private static bool ParagraphStartsAt(string text, int at) => at == 0 || text.AsSpan(0, at).EndsWith("\n\n", StringComparison.Ordinal);

    private static bool ParagraphEndsAt(string text, int end) => end == text.Length || text.AsSpan(end).StartsWith("\n\n", StringComparison.Ordinal);

    // Unique per process, so no data in a mail can contain it; '<' and '>' are changed by HTML escaping.
    private static readonly string BodyMarker = "<qev-body-" + Guid.NewGuid().ToString("N") + "/>";
}
