using System.Collections.Frozen;

namespace QeV.Domain.Calendar;

/// <summary>Parses ISO 3166-2:DE codes and names the German federal states.</summary>
public static class BundeslandCodes
{
    private const string CountryPrefix = "DE-";

    private static readonly FrozenDictionary<string, Bundesland> ByCode =
        Enum.GetValues<Bundesland>().ToFrozenDictionary(s => s.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Parses a state code such as "ST", " st " or "DE-ST" (case-insensitive, surrounding whitespace ignored).
    /// Numeric strings are rejected.
    /// </summary>
    public static bool TryParse(string? code, out Bundesland state)
    {
        var trimmed = code.AsSpan().Trim();
        if (trimmed.StartsWith(CountryPrefix, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[CountryPrefix.Length..];
        }

        return ByCode.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(trimmed, out state);
    }

    /// <summary>The German name of the state, e.g. "Sachsen-Anhalt".</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined state.</exception>
    public static string GermanName(Bundesland state) => state switch
    {
        Bundesland.BW => "Baden-Württemberg",
        Bundesland.BY => "Bayern",
        Bundesland.BE => "Berlin",
        Bundesland.BB => "Brandenburg",
        Bundesland.HB => "Bremen",
        Bundesland.HH => "Hamburg",
        Bundesland.HE => "Hessen",
        Bundesland.MV => "Mecklenburg-Vorpommern",
        Bundesland.NI => "Niedersachsen",
        Bundesland.NW => "Nordrhein-Westfalen",
        Bundesland.RP => "Rheinland-Pfalz",
        Bundesland.SL => "Saarland",
        Bundesland.SN => "Sachsen",
        Bundesland.ST => "Sachsen-Anhalt",
        Bundesland.SH => "Schleswig-Holstein",
        Bundesland.TH => "Thüringen",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown Bundesland."),
    };
}
