using System.Text;

namespace QeV.Demo;

/// <summary>Fixed German name lists for the demo staff, and their ASCII form for e-mail addresses.</summary>
internal static class DemoNames
{
    public static IReadOnlyList<string> FirstNames { get; } =
    [
        "Anna", "Lena", "Julia", "Katrin", "Sandra", "Stefanie", "Nadine", "Claudia", "Susanne", "Jana",
        "Franziska", "Sabine", "Melanie", "Christina", "Maria", "Kerstin", "Anja", "Doreen", "Ines", "Yvonne",
        "Maike", "Anne-Kathrin", "Jördis", "Bärbel", "Jörg", "Thomas", "Michael", "Andreas", "Stefan", "Frank",
        "Sven", "Matthias", "Daniel", "Tobias", "Christian", "Martin", "Sebastian", "Uwe", "Ronny", "Björn",
        "Jürgen", "Torsten", "Marco", "Dirk", "Karsten", "Lars", "Jens", "Hans-Jürgen",
    ];

    public static IReadOnlyList<string> Surnames { get; } =
    [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Herrmann", "König",
        "Walter", "Kaiser", "Fuchs", "Peters", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel",
        "Friedrich", "Günther", "Keller", "Berger", "Winkler", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster",
        "Ludwig", "Böhm", "Winter", "Kraus", "Schumacher", "Krämer", "Vogt", "Jäger", "Sommer", "Groß",
        "Seidel", "Heinrich", "Brandt", "Haase", "Schreiber", "Dietrich", "Ziegler", "Kühn", "Pohl", "Engel",
        "Horn", "Busch", "Bergmann", "Voigt", "Sauer", "Arnold", "Pfeiffer", "Thiele", "Fiedler", "Große",
    ];

    /// <summary>"Jörg", "Weiß" → "joerg.weiss": lower-case ASCII, umlauts and ß spelled out.</summary>
    public static string EmailLocalPart(string firstName, string surname) => Ascii(firstName) + "." + Ascii(surname);

    private static string Ascii(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            var spelled = c switch
            {
                'ä' or 'Ä' => "ae",
                'ö' or 'Ö' => "oe",
                'ü' or 'Ü' => "ue",
                'ß' => "ss",
                'é' or 'è' => "e",
                _ => null,
            };
            if (spelled is null)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(spelled);
            }
        }

        return sb.ToString();
    }
}
