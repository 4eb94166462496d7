using System.Text;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// Shapes a rendered body: paragraphs are separated by blank lines (empty ones, e.g. from a false
/// <c>{{#if}}</c>, disappear); in HTML each becomes a <c>&lt;p&gt;</c> and runs of lines starting with "- " a list.
/// </summary>
public static class MailBody
{
    public const string ParagraphStyle = "margin:0 0 1em 0;";
    public const string ListStyle = "margin:0 0 1em 0;padding-left:1.5em;";

    public static IReadOnlyList<IReadOnlyList<string>> Paragraphs(string rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var paragraphs = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var raw in rendered.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0)
            {
                current.Add(line);
                continue;
            }

            if (current.Count > 0)
                paragraphs.Add(current);
            current = [];
        }

        if (current.Count > 0)
            paragraphs.Add(current);
        return paragraphs;
    }

    /// <summary>Paragraphs joined by one blank line, LF line ends, no trailing blank line.</summary>
    public static string Text(string rendered) =>
        string.Join("\n\n", Paragraphs(rendered).Select(p => string.Join('\n', p)));

    /// <summary>The body as HTML; <paramref name="rendered"/> must already be HTML-escaped.</summary>
    public static string Html(string rendered)
    {
        var sb = new StringBuilder();
        foreach (var paragraph in Paragraphs(rendered))
        {
            var i = 0;
            while (i < paragraph.Count)
            {
                var isItem = IsItem(paragraph[i]);
                var run = paragraph.Skip(i).TakeWhile(l => IsItem(l) == isItem).ToList();
                if (isItem)
                {
                    sb.Append("<ul style=\"").Append(ListStyle).Append("\">");
                    foreach (var item in run)
                        sb.Append("<li>").Append(item.AsSpan(2).Trim()).Append("</li>");
                    sb.Append("</ul>\n");
                }
                else
                {
                    sb.Append("<p style=\"").Append(ParagraphStyle).Append("\">")
                        .AppendJoin("<br>\n", run).Append("</p>\n");
                }

                i += run.Count;
            }
        }

        return sb.ToString();
    }

    /// <summary>One line for a header: CR, LF and tabs become spaces, runs of spaces collapse.</summary>
    public static string SingleLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Join(' ', value.Split([' ', '\t', '\r', '\n', '\u0085', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsItem(string line) => line.StartsWith("- ", StringComparison.Ordinal);
}
