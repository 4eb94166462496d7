using QeV.Domain.Profiles;

namespace QeV.Domain.Planning;

/// <summary>Section Rules: the stages of each rule, defaults merged with appsettings.</summary>
public sealed class NotificationRulesOptions
{
    /// <summary>The selected profile; templates named "&lt;profile&gt;.&lt;rule&gt;.&lt;kind&gt;" win over the rule's own.</summary>
    public string? ProfileName { get; set; }

    public Dictionary<string, RuleNoticeOptions> Stages { get; } = new(NotificationRules.Defaults(), StringComparer.OrdinalIgnoreCase);

    public bool For(string rule, out RuleNoticeOptions options) =>
        Stages.TryGetValue(rule, out options!) && options.Enabled;
}
