namespace QeV.Worker.Planning;

/// <summary>Default stages per rule (the notification issue); appsettings Rules:&lt;id&gt; overrides any value.</summary>
public static class NotificationRules
{
    public const string Section = "Rules";

    public static IReadOnlyDictionary<string, RuleNoticeOptions> Defaults() => new Dictionary<string, RuleNoticeOptions>
    {
        ["F01"] = new() { Reminders = ["10bd", "3bd"], OnDueDay = true, EscalateAfter = "1bd", RepeatOverdue = "1w" },
        ["F06"] = new() { Immediate = true },
        ["F07"] = new() { Reminders = ["8w", "2w"], EscalateAfter = "1d", RepeatOverdue = "1m" },
        ["F09"] = new() { Reminders = ["6m", "2m"], EscalateAfter = "1d", RepeatOverdue = "1m" },
        ["F12"] = new() { Reminders = ["90d", "30d"], OnDueDay = true, EscalateAfter = "1d", RepeatOverdue = "1w", CcEscalationOnLastReminder = true },
    };
}
