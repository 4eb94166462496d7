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
}
