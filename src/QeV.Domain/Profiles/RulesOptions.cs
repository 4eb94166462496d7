namespace QeV.Domain.Profiles;

/// <summary>Section Rules: the selected profile (Rules:Profile) with every Rules:&lt;id&gt; override applied.</summary>
public sealed class RulesOptions
{
    public const string Section = "Rules";

    public RuleProfile Profile { get; set; } = BuiltInProfiles.Create(BuiltInProfiles.DefaultName)!;

    /// <summary>What the binder could not apply (unknown profile, rule or key), each message naming its key.</summary>
    public List<string> BindErrors { get; } = [];
}
