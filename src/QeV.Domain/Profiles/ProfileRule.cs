using QeV.Domain.Periods;

namespace QeV.Domain.Profiles;

/// <summary>Short-hand for the built-in profiles: one rule with its texts, stages and parameters.</summary>
internal static class ProfileRule
{
    public static RuleSettings Of(
        string name, string obligation, string source, RuleNoticeOptions stages, params (string Key, string Value)[] parameters)
    {
        var settings = new RuleSettings { Name = name, Obligation = obligation, Source = source, Stages = stages };
        foreach (var (key, value) in parameters)
        {
            settings.Parameters[key] = value;
        }

        return settings;
    }

    public static RuleNoticeOptions Stages(
        string[] reminders, bool onDueDay = false, string? escalateAfter = "1bd", string? repeatOverdue = null) =>
        new() { Reminders = [.. reminders], OnDueDay = onDueDay, EscalateAfter = escalateAfter, RepeatOverdue = repeatOverdue };

    /// <summary>Switches every rule off except the listed ones (for profiles whose text names only a few).</summary>
    public static void KeepOnly(RuleProfile profile, params string[] ruleIds)
    {
        foreach (var (id, settings) in profile.Rules)
        {
            settings.Enabled = ruleIds.Contains(id, StringComparer.OrdinalIgnoreCase);
            settings.Stages.Enabled = settings.Enabled;
        }
    }
}
