using Microsoft.Extensions.Configuration;

namespace QeV.Worker.Planning;

/// <summary>Merges Rules:&lt;id&gt; sections over the defaults; a configured list replaces the default list.</summary>
public static class NotificationRulesBinder
{
    public static void Bind(IConfiguration section, NotificationRulesOptions options)
    {
        foreach (var rule in section.GetChildren().Where(c => c.Key.StartsWith('F')))
        {
            if (!options.Stages.TryGetValue(rule.Key, out var stages))
            {
                stages = new RuleNoticeOptions();
                options.Stages[rule.Key] = stages;
            }

            if (rule.GetSection(nameof(RuleNoticeOptions.Reminders)).Exists())
            {
                stages.Reminders.Clear();
            }

            rule.Bind(stages);
        }
    }
}
