namespace QeV.Domain.Profiles;

/// <summary>
/// Which Jugendämter are judged by another profile than the default (Rules:Jugendaemter:&lt;organisation id&gt; =
/// &lt;profile name&gt;); what a case or an agreement belongs to is decided with the facts by the rules
/// (QeV.Domain.Rules.ProfileRun). Empty: one profile for all.
/// </summary>
public sealed class ProfileMap(IReadOnlyDictionary<string, RuleProfile> byJugendamt)
{
    public static ProfileMap None { get; } = new(new Dictionary<string, RuleProfile>());

    /// <summary>Jugendamt organisation id → the profile its agreement is judged by.</summary>
    public IReadOnlyDictionary<string, RuleProfile> ByJugendamt { get; } = byJugendamt;

    /// <summary>No mapping: one profile for all, exactly as without this map.</summary>
    public bool IsEmpty => ByJugendamt.Count == 0;

    /// <summary>The mapped profile of a Jugendamt, or null for the default.</summary>
    public RuleProfile? ForJugendamt(string? jugendamtId) =>
        jugendamtId is not null && ByJugendamt.TryGetValue(jugendamtId, out var profile) ? profile : null;
}
