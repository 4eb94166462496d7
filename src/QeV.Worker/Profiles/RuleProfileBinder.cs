using Microsoft.Extensions.Configuration;
using QeV.Domain.Planning;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;

namespace QeV.Worker.Profiles;

/// <summary>
/// Applies section Rules: first the profile named by Rules:Profile (default „magdeburg“) and Rules:DefaultState,
/// then every Rules:&lt;id&gt; override: Enabled, Name, Obligation, Source, Parameters:&lt;name&gt; and the stages
/// (Reminders, OnDueDay, EscalateAfter, RepeatOverdue, Immediate, CcEscalationOnLastReminder). A configured reminder
/// list replaces the profile's list. What cannot be applied is kept as a message naming the key.
/// </summary>
public static class RuleProfileBinder
{
    public const string ProfileKey = "Profile";
    public const string DefaultStateKey = "DefaultState";

    private static readonly string[] RuleKeys =
    [
        nameof(RuleSettings.Enabled), nameof(RuleSettings.Name), nameof(RuleSettings.Obligation), nameof(RuleSettings.Source),
        nameof(RuleSettings.Parameters), nameof(RuleNoticeOptions.Reminders), nameof(RuleNoticeOptions.OnDueDay),
        nameof(RuleNoticeOptions.EscalateAfter), nameof(RuleNoticeOptions.RepeatOverdue), nameof(RuleNoticeOptions.Immediate),
        nameof(RuleNoticeOptions.CcEscalationOnLastReminder),
    ];

    public static void Bind(IConfiguration section, RulesOptions options)
    {
        if (section[ProfileKey] is { } name && !string.IsNullOrWhiteSpace(name))
        {
            if (BuiltInProfiles.Create(name) is { } profile)
            {
                options.Profile = profile;
            }
            else
            {
                options.BindErrors.Add(
                    $"Rules:Profile: „{name}“ ist kein bekanntes Profil (bekannt: {string.Join(", ", BuiltInProfiles.Names)}).");
            }
        }

        if (section[DefaultStateKey] is { } state)
        {
            options.Profile.DefaultState = state.Trim();
        }

        foreach (var rule in section.GetChildren())
        {
            if (Is(rule.Key, ProfileKey) || Is(rule.Key, DefaultStateKey))
            {
                continue;
            }

            if (RuleCatalog.Find(rule.Key) is not { } known)
            {
                options.BindErrors.Add($"Rules:{rule.Key}: unbekannte Regel oder Einstellung (erlaubt: {ProfileKey}, "
                    + $"{DefaultStateKey} und die Regeln {string.Join(", ", RuleCatalog.All.Select(r => r.Id))}).");
                continue;
            }

            if (!options.Profile.Rules.TryGetValue(known.Id, out var settings))
            {
                settings = new RuleSettings();
                options.Profile.Rules[known.Id] = settings;
            }

            BindRule(rule, known.Id, settings, options.BindErrors);
        }
    }

    private static void BindRule(IConfigurationSection rule, string id, RuleSettings settings, List<string> errors)
    {
        foreach (var key in rule.GetChildren().Select(c => c.Key).Where(k => !RuleKeys.Any(known => Is(k, known))))
        {
            errors.Add($"Rules:{id}:{key}: unbekannte Einstellung (erlaubt: {string.Join(", ", RuleKeys)}).");
        }

        if (rule[nameof(RuleSettings.Enabled)] is { } enabled)
        {
            if (bool.TryParse(enabled, out var value))
            {
                settings.Enabled = value;
            }
            else
            {
                errors.Add($"Rules:{id}:Enabled: „{enabled}“ ist kein Wahrheitswert (true oder false).");
            }
        }

        settings.Name = rule[nameof(RuleSettings.Name)] ?? settings.Name;
        settings.Obligation = rule[nameof(RuleSettings.Obligation)] ?? settings.Obligation;
        settings.Source = rule[nameof(RuleSettings.Source)] ?? settings.Source;
        foreach (var parameter in rule.GetSection(nameof(RuleSettings.Parameters)).GetChildren())
        {
            settings.Parameters[parameter.Key] = parameter.Value ?? "";
        }

        if (rule.GetSection(nameof(RuleNoticeOptions.Reminders)).Exists())
        {
            settings.Stages.Reminders.Clear();
        }

        try
        {
            rule.Bind(settings.Stages);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add($"Rules:{id}: {ex.Message}");
        }

        settings.Stages.Enabled = settings.Enabled;
    }

    private static bool Is(string key, string name) => string.Equals(key, name, StringComparison.OrdinalIgnoreCase);
}
