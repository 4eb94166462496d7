using Microsoft.Extensions.Options;

namespace QeV.Worker.Planning;

/// <summary>Every period of Rules:&lt;id&gt; must parse; the message names the key.</summary>
public sealed class NotificationRulesValidator : IValidateOptions<NotificationRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationRulesOptions options)
    {
        var failures = new List<string>();
        foreach (var (rule, stages) in options.Stages)
        {
            for (var i = 0; i < stages.Reminders.Count; i++)
            {
                if (!Period.TryParse(stages.Reminders[i], out _))
                {
                    failures.Add($"Rules:{rule}:Reminders:{i}: „{stages.Reminders[i]}“ ist keine Frist wie 10bd, 14d, 8w, 6m.");
                }
            }

            Check(failures, $"Rules:{rule}:EscalateAfter", stages.EscalateAfter);
            Check(failures, $"Rules:{rule}:RepeatOverdue", stages.RepeatOverdue);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !Period.TryParse(value, out _))
        {
            failures.Add($"{key}: „{value}“ ist keine Frist wie 1bd, 7d, 1w, 1m.");
        }
    }
}
