namespace QeV.Domain.Profiles;

/// <summary>
/// All numbers of one agreement: every rule of the catalogue with its parameters, whether it is active, and its
/// stages; the Bundesland of the office. Built-in profiles live in <see cref="BuiltInProfiles"/>.
/// </summary>
public sealed class RuleProfile
{
    public required string Name { get; init; }

    /// <summary>What the profile is, in German.</summary>
    public required string Title { get; set; }

    /// <summary>The agreement text the values come from.</summary>
    public required string Source { get; set; }

    /// <summary>Bundesland code used when an organisation has none (Office:DefaultState overrides it).</summary>
    public string DefaultState { get; set; } = "ST";

    public Dictionary<string, RuleSettings> Rules { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The settings of a rule; a rule the profile does not know is off.</summary>
    public RuleSettings For(string ruleId) =>
        Rules.TryGetValue(ruleId, out var settings) ? settings : new RuleSettings { Enabled = false };

    public bool IsEnabled(string ruleId) => Rules.TryGetValue(ruleId, out var settings) && settings.Enabled;

    /// <summary>A deep copy under another name, to derive one profile from another.</summary>
    public RuleProfile Derive(string name, string title, string source)
    {
        var copy = new RuleProfile { Name = name, Title = title, Source = source, DefaultState = DefaultState };
        foreach (var (id, settings) in Rules)
        {
            copy.Rules[id] = settings.Clone();
        }

        return copy;
    }
}
