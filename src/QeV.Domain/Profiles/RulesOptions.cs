namespace QeV.Domain.Profiles;

/// <summary>Section Rules: the selected profile (Rules:Profile) with every Rules:&lt;id&gt; override applied.</summary>
public sealed class RulesOptions
{
    public const string Section = "Rules";

    public RuleProfile Profile { get; set; } = BuiltInProfiles.Create(BuiltInProfiles.DefaultName)!;

    /// <summary>Further profiles by name (Rules:Profiles:&lt;name&gt;), each bound like section Rules itself.</summary>
    public Dictionary<string, RuleProfile> Named { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Jugendämter judged by another profile than <see cref="Profile"/> (Rules:Jugendaemter); empty: one for all.</summary>
    public ProfileMap Map { get; set; } = ProfileMap.None;

    /// <summary>What the binder could not apply (unknown profile, rule or key), each message naming its key.</summary>
    public List<string> BindErrors { get; } = [];
}
