using System.Text;

namespace QeV.Worker.Dispatch.Ics;

/// <summary>RFC 5545 text helpers: TEXT escaping (§3.3.11) and content-line folding (§3.1).</summary>
public static class IcsText
{
    /// <summary>Maximum octets per physical line, excluding the CRLF.</summary>
    public const int MaxLineOctets = 75;

    /// <summary>Escapes backslash, semicolon, comma and any newline (CRLF, LF, CR) in a TEXT value.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case ';': sb.Append(@"\;"); break;
                case ',': sb.Append(@"\,"); break;
                case '\r':
                    sb.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                        i++;
                    break;
                case '\n': sb.Append(@"\n"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Folds a content line (without CRLF) so that no physical line exceeds 75 UTF-8 octets.
    /// Continuation lines start with a single space; a character is never split.
    /// </summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Encoding.UTF8.GetByteCount(line) <= MaxLineOctets)
            return line;

        var sb = new StringBuilder(line.Length + (line.Length / 64 * 3));
        AppendFolded(sb, line);
        return sb.ToString();
    }

    /// <summary><see cref="Fold"/> appended to <paramref name="sb"/>, without a string per line or character.</summary>
    public static void AppendFolded(StringBuilder sb, string line)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(line);
        if (Encoding.UTF8.GetByteCount(line) <= MaxLineOctets)
        {
            sb.Append(line);
            return;
        }

        Span<char> utf16 = stackalloc char[2];
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                sb.Append("\r\n ");
                octets = 1;
            }

            sb.Append(utf16[..rune.EncodeToUtf16(utf16)]);
            octets += size;
        }
    }
}
