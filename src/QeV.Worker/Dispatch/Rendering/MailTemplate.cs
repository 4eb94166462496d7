using HandlebarsDotNet;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// A compiled content template. Its source holds the subject on the first line, a line "---", then the body
/// paragraphs separated by blank lines. The subject and the text body render without escaping, the HTML body with.
/// </summary>
public sealed class MailTemplate
{
    public const string Separator = "---";

    private readonly HandlebarsTemplate<object, object> _subject;
    private readonly HandlebarsTemplate<object, object> _text;
    private readonly HandlebarsTemplate<object, object> _html;

    internal MailTemplate(string name, string source, IHandlebars text, IHandlebars html)
    {
        Name = name;
        var (subject, body) = Split(name, source);
        _subject = text.Compile(subject);
        _text = text.Compile(body);
        _html = html.Compile(body);
    }

    public string Name { get; }

    public string RenderSubject(object model) => _subject(model);

    public string RenderText(object model) => _text(model);

    public string RenderHtml(object model) => _html(model);

    /// <summary>Splits a source into subject and body; throws <see cref="FormatException"/> naming the template.</summary>
    public static (string Subject, string Body) Split(string name, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.ReplaceLineEndings("\n").TrimStart('\uFEFF').Split('\n');
        if (lines.Length < 2 || string.IsNullOrWhiteSpace(lines[0]) || lines[1].Trim() != Separator)
        {
            throw new FormatException(
                $"Mail template '{name}': the first line must be the subject and the second line '{Separator}'.");
        }

        return (lines[0].Trim(), string.Join('\n', lines.Skip(2)));
    }
}
