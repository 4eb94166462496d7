namespace QeV.Domain.Profiles;

/// <summary>The stages of one rule (section Rules:&lt;id&gt;): reminders before, the due day, escalation and repeats.</summary>
public sealed class RuleNoticeOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Lead times of the reminders, e.g. ["10bd", "3bd"].</summary>
    public List<string> Reminders { get; set; } = [];

    public bool OnDueDay { get; set; }

    /// <summary>Grace after the due date before the overdue stage (escalation); empty for none.</summary>
    public string? EscalateAfter { get; set; }

    /// <summary>Interval of the repeated overdue notices; empty for none.</summary>
    public string? RepeatOverdue { get; set; }

    /// <summary>One notice at once on the due date, sent outside office hours too (F06).</summary>
    public bool Immediate { get; set; }

    /// <summary>The escalation person is in Cc of the last reminder (F12: the team lead at 30 days).</summary>
    public bool CcEscalationOnLastReminder { get; set; }
}
