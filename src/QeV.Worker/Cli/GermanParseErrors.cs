using System.CommandLine;
using System.Text.RegularExpressions;

namespace QeV.Worker.Cli;

/// <summary>
/// System.CommandLine's German resources leave several parse errors in English; these are translated here, and an
/// unknown command gets the nearest known one as a suggestion.
/// </summary>
public static partial class GermanParseErrors
{
    private static readonly (Regex Pattern, string German)[] Translations =
    [
        (new(@"^Cannot parse argument '(.*)' for option '(.*)' as expected type '(.*)'\.?$"), "{1}: „{0}“ ist ungültig; erwartet: {2}."),
        (new(@"^Cannot parse argument '(.*)' for command '(.*)' as expected type '(.*)'\.?$"), "{1}: „{0}“ ist ungültig; erwartet: {2}."),
        (new(@"^Cannot parse argument '(.*)' as expected type '(.*)'\.?$"), "„{0}“ ist ungültig; erwartet: {1}."),
        (new(@"^Required argument missing for command: '(.*)'\.?$"), "Dem Befehl {0} fehlt ein Argument."),
        (new(@"^Required argument missing for option: '(.*)'\.?$"), "Der Option {0} fehlt ein Wert."),
        (new(@"^Option '(.*)' is required\.?$"), "Die Option {0} ist erforderlich."),
        (new(@"^Required command was not provided\.?$"), "Es fehlt ein Befehl."),
        (new(@"^Option '(.*)' expects a single argument but (\d+) were provided\.?$"), "Die Option {0} erwartet einen Wert, angegeben waren {1}."),
        (new(@"^Argument '(.*)' not recognized\. Must be one of:(.*)$", RegexOptions.Singleline), "„{0}“ ist nicht erlaubt; erlaubt sind:{1}"),
    ];

    public static string Describe(ParseResult parsed, RootCommand root)
    {
        var lines = parsed.Errors.Select(e => Translate(e.Message)).Distinct(StringComparer.Ordinal).ToList();
        if (parsed.Errors.Count > 0 && parsed.UnmatchedTokens is [var token, ..] && !token.StartsWith('-')
            && parsed.CommandResult.Command == root && Nearest(token, root.Subcommands.Select(c => c.Name)) is { } suggestion)
        {
            lines.Add($"Meinten Sie „qev {suggestion}“?");
        }

        return string.Join(" ", lines);
    }

    public static string Translate(string message)
    {
        foreach (var (pattern, german) in Translations)
        {
            if (pattern.Match(message.Trim()) is { Success: true } match)
            {
                var values = match.Groups.Values.Skip(1).Select(g => (object)TypeName(g.Value)).ToArray();
                return string.Format(System.Globalization.CultureInfo.InvariantCulture, german, values);
            }
        }

        return message;
    }

    /// <summary>The known command nearest to <paramref name="typed"/> by edit distance, if it is plausibly a typo.</summary>
    public static string? Nearest(string typed, IEnumerable<string> names)
    {
        var best = names.Select(n => (Name: n, Distance: Distance(typed.ToLowerInvariant(), n))).OrderBy(x => x.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, best.Name.Length / 3) ? best.Name : null;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }

    private static string TypeName(string value) => value switch
    {
        "System.Int32" or "System.Int64" => "eine ganze Zahl",
        "System.Boolean" => "true oder false",
        "System.String" => "ein Text",
        "System.DateOnly" => "ein Datum JJJJ-MM-TT",
        _ => value,
    };
}
