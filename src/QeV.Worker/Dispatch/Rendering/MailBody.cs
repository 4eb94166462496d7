using System.Text;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// Shapes a rendered body: paragraphs are separated by blank lines (empty ones, e.g. from a false
/// <c>{{#if}}</c>, disappear); in HTML each becomes a <c>&lt;p&gt;</c>, runs of lines starting with "- " a list, and runs
/// of lines starting with "| " a table (cells split at " | ", the first row the header).
/// </summary>
public static class MailBody
{
    public const string ParagraphStyle = "margin:0 0 1em 0;";
    public const string ListStyle = "margin:0 0 1em 0;padding-left:1.5em;";
    public const string TableStyle = "margin:0 0 1em 0;border-collapse:collapse;";
    public const string CellStyle = "border:1px solid #cccccc;padding:2px 6px;text-align:left;vertical-align:top;";

    public static IReadOnlyList<IReadOnlyList<string>> Paragraphs(string rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        var paragraphs = new List<IReadOnlyList<string>>();
        EachParagraph(rendered, lines => paragraphs.Add([.. lines]));
        return paragraphs;
    }

    /// <summary>
    /// Paragraphs joined by one blank line, LF line ends, no trailing blank line: the same as joining
    /// <see cref="Paragraphs"/>, in one pass over the text without a string per line (a bundle's body is long).
    /// </summary>
    public static string Text(string rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        return AppendText(new StringBuilder(rendered.Length), rendered).ToString();
    }

    /// <summary>Appends <see cref="Text"/> of <paramref name="rendered"/> to <paramref name="sb"/>, without the string in between.</summary>
    public static StringBuilder AppendText(StringBuilder sb, string rendered)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(rendered);
        var inParagraph = false;
        var blankSince = false;
        foreach (var raw in rendered.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                blankSince |= inParagraph;
                inParagraph = false;
                continue;
            }

            if (blankSince)
                sb.Append("\n\n");
            else if (inParagraph)
                sb.Append('\n');
            sb.Append(line);
            inParagraph = true;
            blankSince = false;
        }

        return sb;
    }

    /// <summary>The body as HTML; <paramref name="rendered"/> must already be HTML-escaped.</summary>
    public static string Html(string rendered) => AppendHtml(new StringBuilder(), rendered).ToString();

    /// <summary>Appends <see cref="Html"/> of <paramref name="rendered"/> to <paramref name="sb"/>, one paragraph at a time.</summary>
    public static StringBuilder AppendHtml(StringBuilder sb, string rendered)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(rendered);
        EachParagraph(rendered, lines => AppendParagraph(sb, lines));
        return sb;
    }

    /// <summary>One line for a header: CR, LF and tabs become spaces, runs of spaces collapse.</summary>
    public static string SingleLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Join(' ', value.Split([' ', '\t', '\r', '\n', '\u0085', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Hands each paragraph's trimmed, non-empty lines to <paramref name="paragraph"/> (one list, reused): lines end where
    /// <see cref="string.ReplaceLineEndings()"/> ends them, blank lines separate paragraphs.
    /// </summary>
    private static void EachParagraph(string rendered, Action<List<string>> paragraph)
    {
        var lines = new List<string>();
        foreach (var raw in rendered.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (!line.IsEmpty)
            {
                lines.Add(line.ToString());
                continue;
            }

            if (lines.Count > 0)
                paragraph(lines);
            lines.Clear();
        }

        if (lines.Count > 0)
            paragraph(lines);
    }

    /// <summary>A paragraph's runs of lines of one shape: a table, a list, or text lines joined by line breaks.</summary>
    private static void AppendParagraph(StringBuilder sb, List<string> paragraph)
    {
        var i = 0;
        while (i < paragraph.Count)
        {
            var shape = Shape(paragraph[i]);
            var end = i + 1;
            while (end < paragraph.Count && Shape(paragraph[end]) == shape)
                end++;
            var run = paragraph.GetRange(i, end - i);
            if (shape == 2)
            {
                AppendTable(sb, run);
            }
            else if (shape == 1)
            {
                sb.Append("<ul style=\"").Append(ListStyle).Append("\">");
                foreach (var item in run)
                    sb.Append("<li>").Append(item.AsSpan(2).Trim()).Append("</li>");
                sb.Append("</ul>\n");
            }
            else
            {
                sb.Append("<p style=\"").Append(ParagraphStyle).Append("\">").AppendJoin("<br>\n", run).Append("</p>\n");
            }

            i = end;
        }
    }

    private static bool IsItem(string line) => line.StartsWith("- ", StringComparison.Ordinal);

    /// <summary>0 text, 1 list item, 2 table row.</summary>
    private static int Shape(string line) => IsItem(line) ? 1 : line.StartsWith("| ", StringComparison.Ordinal) ? 2 : 0;

    private static void AppendTable(StringBuilder sb, List<string> rows)
    {
        sb.Append("<table style=\"").Append(TableStyle).Append("\">");
        for (var r = 0; r < rows.Count; r++)
        {
            var cell = r == 0 ? "th" : "td";
            sb.Append("<tr>");
            foreach (var value in rows[r].Trim().Trim('|').Split(" | "))
                sb.Append('<').Append(cell).Append(" style=\"").Append(CellStyle).Append("\">").Append(value.Trim()).Append("</").Append(cell).Append('>');
            sb.Append("</tr>");
        }

        sb.Append("</table>\n");
    }
}
