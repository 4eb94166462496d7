using QeV.Domain.Periods;

namespace QeV.Domain.Profiles;

/// <summary>The stages of a rule in German, as the catalogue lists them.</summary>
public static class StageText
{
    public static string Of(RuleNoticeOptions stages)
    {
        if (!stages.Enabled)
        {
            return "keine Nachrichten";
        }

        if (stages.Immediate)
        {
            return "sofort, auch außerhalb der Bürozeiten";
        }

        var parts = new List<string>();
        var reminders = stages.Reminders.Where(r => Period.TryParse(r, out _)).Select(Period.Parse).ToList();
        if (reminders.Count > 0)
        {
            var cc = stages.CcEscalationOnLastReminder ? " (die letzte mit der Eskalationsperson in Kopie)" : "";
            parts.Add(string.Join(" und ", reminders.Select(PeriodText.Of)) + " vorher" + cc);
        }

        if (stages.OnDueDay)
        {
            parts.Add("am Fälligkeitstag");
        }

        if (Period.TryParse(stages.EscalateAfter, out var grace))
        {
            var overdue = PeriodText.Of(grace) + " überfällig mit Eskalation";
            parts.Add(Period.TryParse(stages.RepeatOverdue, out var every) && every.Amount > 0
                ? overdue + "; danach " + PeriodText.Every(every)
                : overdue);
        }

        return parts.Count == 0 ? "keine Nachrichten" : string.Join("; ", parts);
    }
}
