using QeV.Domain.Profiles;

namespace QeV.Domain.Planning;

/// <summary>The stages per rule come from the profile (see <see cref="RuleProfile"/>); appsettings Rules:&lt;id&gt; overrides any value.</summary>
public static class NotificationRules
{
    public const string Section = RulesOptions.Section;

    /// <summary>The stages of the default profile „magdeburg“.</summary>
    public static IReadOnlyDictionary<string, RuleNoticeOptions> Defaults() => StagesOf(BuiltInProfiles.Create(BuiltInProfiles.DefaultName)!);

    public static Dictionary<string, RuleNoticeOptions> StagesOf(RuleProfile profile) =>
        profile.Rules.ToDictionary(r => r.Key, r => r.Value.Stages, StringComparer.OrdinalIgnoreCase);
}
