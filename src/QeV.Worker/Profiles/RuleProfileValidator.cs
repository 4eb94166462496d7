using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;
using QeV.Domain.Periods;
using QeV.Domain.Planning;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;

namespace QeV.Worker.Profiles;

/// <summary>
/// Every value of the selected profile and its overrides must be usable: a wrong one stops the start with a message
/// that names its key (e.g. Rules:F04:Parameters:Within).
/// </summary>
public sealed class RuleProfileValidator : IValidateOptions<RulesOptions>
{
    public ValidateOptionsResult Validate(string? name, RulesOptions options)
    {
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static List<string> Failures(RulesOptions options)
    {
        var failures = new List<string>(options.BindErrors);
        var profile = options.Profile;
        if (!BundeslandCodes.TryParse(profile.DefaultState, out _))
        {
            failures.Add($"Rules:DefaultState: „{profile.DefaultState}“ ist kein Bundesland-Kürzel (z. B. ST, RP, NW).");
        }

        Check(profile, RulesOptions.Section, failures);
        foreach (var (name, named) in options.Named)
        {
            Check(named, $"{RulesOptions.Section}:{RuleProfileBinder.ProfilesKey}:{name}", failures);
        }

        return failures;
    }

    private static void Check(RuleProfile profile, string prefix, List<string> failures)
    {
        foreach (var rule in RuleCatalog.All)
        {
            if (profile.Rules.TryGetValue(rule.Id, out var settings))
            {
                CheckParameters(rule, settings, $"{prefix}:{rule.Id}", failures);
                CheckStages($"{prefix}:{rule.Id}", settings.Stages, failures);
            }
        }
    }

    private static void CheckParameters(IDeadlineRule rule, RuleSettings settings, string prefix, List<string> failures)
    {
        var known = string.Join(", ", rule.Parameters.Select(p => p.Name));
        foreach (var key in settings.Parameters.Keys.Where(k => !rule.Parameters.Any(p => string.Equals(p.Name, k, StringComparison.OrdinalIgnoreCase))))
        {
            failures.Add($"{prefix}:Parameters:{key}: unbekannter Parameter (bekannt: {(known.Length == 0 ? "keine" : known)}).");
        }

        foreach (var spec in rule.Parameters)
        {
            if (!settings.Parameters.TryGetValue(spec.Name, out var value))
            {
                failures.Add($"{prefix}:Parameters:{spec.Name}: fehlt ({spec.Meaning}).");
            }
            else if (!ParameterValues.TryParse(spec, value, out var error))
            {
                failures.Add($"{prefix}:Parameters:{spec.Name}: {error}");
            }
        }
    }

    private static void CheckStages(string rule, RuleNoticeOptions stages, List<string> failures)
    {
        for (var i = 0; i < stages.Reminders.Count; i++)
        {
            if (!Period.TryParse(stages.Reminders[i], out _))
            {
                failures.Add($"{rule}:Reminders:{i}: „{stages.Reminders[i]}“ ist keine Frist wie 10bd, 14d, 8w, 6m.");
            }
        }

        Check(failures, $"{rule}:EscalateAfter", stages.EscalateAfter);
        Check(failures, $"{rule}:RepeatOverdue", stages.RepeatOverdue);
    }

    private static void Check(List<string> failures, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !Period.TryParse(value, out _))
        {
            failures.Add($"{key}: „{value}“ ist keine Frist wie 1bd, 7d, 1w, 1m.");
        }
    }
}
