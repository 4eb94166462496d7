using QeV.Domain.Calendar;
using QeV.Domain.Periods;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;

namespace QeV.Domain.Planning;

/// <summary>
/// Which stage of a deadline is owed on a day. Stages missed while nothing ran collapse into the latest one owed:
/// one mail, not a burst.
/// </summary>
public static class StageSchedule
{
    public static IReadOnlyList<Stage> StagesUpTo(
        Deadline deadline, RuleNoticeOptions options, DateOnly day, BusinessCalendar calendar, Bundesland state, bool missingRecord = false)
    {
        var due = deadline.DueDate;
        var stages = new List<Stage>();
        if (options.Immediate)
        {
            stages.Add(new Stage("notice", NoticeKind.Notice, due));
            return stages.Where(s => s.Date <= day).ToList();
        }

        if (missingRecord)
        {
            // Nothing on file at all: the person and the lead are told at once, then again at the repeat interval.
            stages.Add(new Stage("missing", NoticeKind.Missing, due));
            AddRepeats(stages, "missing", NoticeKind.Missing, due, options.RepeatOverdue, day, calendar, state);
            return stages.Where(s => s.Date <= day).ToList();
        }

        var reminders = options.Reminders.Select(Period.Parse)
            .Select(p => (Period: p, Date: p.From(due, -1, calendar, state)))
            .OrderBy(r => r.Date)
            .ToList();
        for (var i = 0; i < reminders.Count; i++)
        {
            stages.Add(new Stage($"reminder-{reminders[i].Period}", NoticeKind.Reminder, reminders[i].Date, IsLastReminder: i == reminders.Count - 1));
        }

        if (options.OnDueDay)
        {
            stages.Add(new Stage("due", NoticeKind.Due, due));
        }

        if (Period.TryParse(options.EscalateAfter, out var grace))
        {
            var overdue = grace.From(due, 1, calendar, state);
            stages.Add(new Stage("overdue", NoticeKind.Overdue, overdue, IsFirstOverdue: true));
            AddRepeats(stages, "overdue", NoticeKind.Overdue, overdue, options.RepeatOverdue, day, calendar, state);
        }

        return stages.Where(s => s.Date <= day).ToList();
    }

    /// <summary>The latest stage owed on <paramref name="day"/>, or null when nothing is owed yet (or it is fulfilled).</summary>
    public static Stage? Owed(
        Deadline deadline, RuleNoticeOptions options, DateOnly day, BusinessCalendar calendar, Bundesland state, bool missingRecord = false) =>
        !options.Enabled || deadline.Status == DeadlineStatus.Fulfilled
            ? null
            : StagesUpTo(deadline, options, day, calendar, state, missingRecord).OrderBy(s => s.Date).LastOrDefault();

    private static void AddRepeats(
        List<Stage> stages, string prefix, NoticeKind kind, DateOnly start, string? interval, DateOnly day, BusinessCalendar calendar, Bundesland state)
    {
        if (!Period.TryParse(interval, out var every) || every.Amount <= 0)
        {
            return;
        }

        // Counted from the start each time, so monthly repeats do not drift (31.01. -> 28.02. -> 31.03.).
        for (var n = 1; ; n++)
        {
            var next = new Period(every.Amount * n, every.Unit).From(start, 1, calendar, state);
            if (next > day)
            {
                return;
            }

            stages.Add(new Stage($"{prefix}-{n + 1}", kind, next));
        }
    }
}
