using HandlebarsDotNet;
using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// A compiled layout: the notice's fields as context, the rendered subject and body as <c>@subject</c> and
/// <c>@body</c> (in the HTML layout <c>{{{@body}}}</c>, since the body is already escaped).
/// </summary>
public sealed class MailLayout
{
    private readonly HandlebarsTemplate<object, object> _template;

    internal MailLayout(string name, string source, IHandlebars env)
    {
        Name = name;
        _template = env.Compile(source.ReplaceLineEndings("\n").TrimStart('\uFEFF'));
    }

    public string Name { get; }

    public string Render(NoticeContent content, string subject, string body) =>
        _template(content, new { subject, body });
}
