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
/// Further profiles: Rules:Profiles:&lt;name&gt; (Profile and &lt;id&gt; values, no stages); Rules:Jugendaemter:&lt;organisation
/// id&gt; = &lt;name&gt; maps a Jugendamt to one of them or to a built-in profile (docs/rules.md, „Ein Profil je Jugendamt“).
/// </summary>
public static class RuleProfileBinder
{
    public const string ProfileKey = "Profile";
    public const string DefaultStateKey = "DefaultState";
    public const string ProfilesKey = "Profiles";
    public const string JugendaemterKey = "Jugendaemter";

    private static readonly string[] RuleKeys =
    [
        nameof(RuleSettings.Enabled), nameof(RuleSettings.Name), nameof(RuleSettings.Obligation), nameof(RuleSettings.Source),
        nameof(RuleSettings.Parameters), nameof(RuleNoticeOptions.Reminders), nameof(RuleNoticeOptions.OnDueDay),
        nameof(RuleNoticeOptions.EscalateAfter), nameof(RuleNoticeOptions.RepeatOverdue), nameof(RuleNoticeOptions.Immediate),
        nameof(RuleNoticeOptions.CcEscalationOnLastReminder),
    ];

    public static void Bind(IConfiguration section, RulesOptions options)
    {
        options.Profile = BindProfile(section, RulesOptions.Section, options.Profile, topLevel: true, options.BindErrors);
        foreach (var named in section.GetSection(ProfilesKey).GetChildren())
        {
            var prefix = $"{RulesOptions.Section}:{ProfilesKey}:{named.Key}";
            var baseName = named[ProfileKey] ?? (BuiltInProfiles.Create(named.Key) is not null ? named.Key : BuiltInProfiles.DefaultName);
            var fallback = BuiltInProfiles.Create(baseName) ?? BuiltInProfiles.Create(BuiltInProfiles.DefaultName)!;
            var profile = BindProfile(named, prefix, fallback, topLevel: false, options.BindErrors);
            options.Named[named.Key] = profile.Derive(named.Key, profile.Title, profile.Source);
        }

        options.Map = BindMap(section.GetSection(JugendaemterKey), options);
    }

    /// <summary>Rules:Jugendaemter:&lt;organisation id&gt; = a name of Rules:Profiles or of a built-in profile.</summary>
    private static ProfileMap BindMap(IConfigurationSection section, RulesOptions options)
    {
        var key = $"{RulesOptions.Section}:{JugendaemterKey}";
        if (section.Value is { Length: > 0 } flat)
        {
            options.BindErrors.Add($"{key}: „{flat}“ ist keine Zuordnung; erwartet wird {key}:<organisation_id> = <Profilname>.");
        }

        var byJugendamt = new Dictionary<string, RuleProfile>(StringComparer.Ordinal);
        foreach (var entry in section.GetChildren())
        {
            var name = entry.Value?.Trim();
            if (entry.GetChildren().Any() || string.IsNullOrEmpty(name))
            {
                options.BindErrors.Add($"{key}:{entry.Key}: erwartet wird ein Profilname ({key}:<organisation_id> = <Profilname>).");
            }
            else if ((options.Named.TryGetValue(name, out var named) ? named : BuiltInProfiles.Create(name)) is { } profile)
            {
                byJugendamt[entry.Key] = profile;
            }
            else
            {
                options.BindErrors.Add($"{key}:{entry.Key}: „{name}“ ist kein bekanntes Profil (bekannt: "
                    + string.Join(", ", options.Named.Keys.Concat(BuiltInProfiles.Names)) + ").");
            }
        }

        return byJugendamt.Count == 0 ? ProfileMap.None : new ProfileMap(byJugendamt);
    }

    /// <summary>
    /// One profile: its base (Profile), then every &lt;id&gt; override. <paramref name="topLevel"/>: section Rules itself,
    /// which also holds DefaultState, Profiles and Jugendaemter.
    /// </summary>
    private static RuleProfile BindProfile(IConfiguration section, string prefix, RuleProfile profile, bool topLevel, List<string> errors)
    {
        if (section[ProfileKey] is { } name && !string.IsNullOrWhiteSpace(name))
        {
            if (BuiltInProfiles.Create(name) is { } selected)
            {
                profile = selected;
            }
            else
            {
                errors.Add(
                    $"{prefix}:Profile: „{name}“ ist kein bekanntes Profil (bekannt: {string.Join(", ", BuiltInProfiles.Names)}).");
            }
        }

        if (topLevel && section[DefaultStateKey] is { } state)
        {
            profile.DefaultState = state.Trim();
        }

        foreach (var rule in section.GetChildren())
        {
            if (Is(rule.Key, ProfileKey) || (topLevel && (Is(rule.Key, DefaultStateKey) || Is(rule.Key, ProfilesKey) || Is(rule.Key, JugendaemterKey))))
            {
                continue;
            }

            if (RuleCatalog.Find(rule.Key) is not { } known)
            {
                errors.Add(topLevel
                    ? $"{prefix}:{rule.Key}: unbekannte Regel oder Einstellung (erlaubt: {ProfileKey}, {DefaultStateKey}, {ProfilesKey}, "
                        + $"{JugendaemterKey} und die Regeln {string.Join(", ", RuleCatalog.All.Select(r => r.Id))})."
                    : $"{prefix}:{rule.Key}: unbekannte Regel oder Einstellung (erlaubt: {ProfileKey} und die Regeln "
                        + $"{string.Join(", ", RuleCatalog.All.Select(r => r.Id))}; {DefaultStateKey} gilt für alle Profile).");
                continue;
            }

            if (!profile.Rules.TryGetValue(known.Id, out var settings))
            {
                settings = new RuleSettings();
                profile.Rules[known.Id] = settings;
            }

            BindRule(rule, $"{prefix}:{known.Id}", settings, topLevel, errors);
        }

        return profile;
    }

    private static void BindRule(IConfigurationSection rule, string id, RuleSettings settings, bool topLevel, List<string> errors)
    {
        foreach (var key in rule.GetChildren().Select(c => c.Key).Where(k => !RuleKeys.Any(known => Is(k, known))))
        {
            errors.Add($"{id}:{key}: unbekannte Einstellung (erlaubt: {string.Join(", ", RuleKeys)}).");
        }

        if (rule[nameof(RuleSettings.Enabled)] is { } enabled)
        {
            if (bool.TryParse(enabled, out var value))
            {
                settings.Enabled = value;
            }
            else
            {
                errors.Add($"{id}:Enabled: „{enabled}“ ist kein Wahrheitswert (true oder false).");
            }
        }

        settings.Name = rule[nameof(RuleSettings.Name)] ?? settings.Name;
        settings.Obligation = rule[nameof(RuleSettings.Obligation)] ?? settings.Obligation;
        settings.Source = rule[nameof(RuleSettings.Source)] ?? settings.Source;
        foreach (var parameter in rule.GetSection(nameof(RuleSettings.Parameters)).GetChildren())
        {
            settings.Parameters[parameter.Key] = parameter.Value ?? "";
        }

        if (!topLevel)
        {
            // The mails' stages come from the default profile (docs/rules.md): a stage here would silently do nothing.
            foreach (var key in rule.GetChildren().Select(c => c.Key).Where(k => RuleKeys.Skip(5).Any(stage => Is(k, stage))))
            {
                errors.Add($"{id}:{key}: Erinnerungsstufen gelten für alle Profile; bitte unter Rules:{rule.Key}:{key} einstellen.");
            }

            settings.Stages.Enabled = settings.Enabled;
            return;
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
            errors.Add($"{id}: {ex.Message}");
        }

        settings.Stages.Enabled = settings.Enabled;
    }

    private static bool Is(string key, string name) => string.Equals(key, name, StringComparison.OrdinalIgnoreCase);
}
