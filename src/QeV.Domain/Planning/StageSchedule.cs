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
        Deadline deadline, RuleNoticeOptions options, DateOnly day, BusinessCalendar calendar, Bundesland state, bool missingRecord = false) =>
        Stages(deadline, options, day, calendar, state, missingRecord, lastRepeatOnly: false).Where(s => s.Date <= day).ToList();

    /// <summary>
    /// The first day after <paramref name="day"/> on which <see cref="Owed"/> names another stage (a reminder, the due
    /// day, the escalation, the next repeat); null when no later stage follows. Until then a plan of the deadline owes the
    /// same notices, whose keys the ledger already holds.
    /// </summary>
    public static DateOnly? NextAfter(
        Deadline deadline, RuleNoticeOptions options, DateOnly day, BusinessCalendar calendar, Bundesland state, bool missingRecord = false)
    {
        if (!options.Enabled || deadline.Status == DeadlineStatus.Fulfilled)
        {
            return null;
        }

        var repeats = new List<DateOnly>();
        DateOnly? next = null;
        foreach (var date in Stages(deadline, options, day, calendar, state, missingRecord, lastRepeatOnly: true, repeats).Select(s => s.Date).Concat(repeats))
        {
            if (date > day && (next is null || date < next))
            {
                next = date;
            }
        }

        return next;
    }

    // Repeats are strictly later one after another, so the latest stage owed is the same with only the last repeat in the
    // list (a deadline overdue for years would otherwise build a stage for every week of it, at every scan).
    private static List<Stage> Stages(
        Deadline deadline, RuleNoticeOptions options, DateOnly day, BusinessCalendar calendar, Bundesland state, bool missingRecord, bool lastRepeatOnly,
        List<DateOnly>? nextRepeats = null)
    {
        var due = deadline.DueDate;
        var stages = new List<Stage>();
        if (deadline.HelpEndedOn is { } end)
        {
            // Missed before the help ended: said once, the day after the end (or at the first scan after it), never escalated.
            stages.Add(new Stage("ended", NoticeKind.Ended, end.AddDays(1)));
            return stages;
        }

        if (options.Immediate)
        {
            stages.Add(new Stage("notice", NoticeKind.Notice, due));
            return stages;
        }

        if (missingRecord)
        {
            // Nothing on file at all: the person and the lead are told at once, then again at the repeat interval.
            stages.Add(new Stage("missing", NoticeKind.Missing, due));
            AddRepeats(stages, "missing", NoticeKind.Missing, due, options.RepeatOverdue, day, calendar, state, lastRepeatOnly, nextRepeats);
            return stages;
        }

        var reminders = options.Reminders.Select(Period.Parse)
            .Select(p => (Period: p, Date: p.From(due, -1, calendar, state)))
            .OrderBy(r => r.Date)
            .ToList();
        for (var i = 0; i < reminders.Count; i++)
        {
            stages.Add(new Stage($"reminder-{reminders[i].Period}", NoticeKind.Reminder, reminders[i].Date, IsLastReminder: i == reminders.Count - 1));
        }

        if (deadline.WarningFrom is { } warning && warning < due)
        {
            // Behind the pace (F13/F14 in October): a warning, once, before the reminders; never an escalation.
            stages.Add(new Stage("warning", NoticeKind.Reminder, warning));
        }

        if (options.OnDueDay)
        {
            stages.Add(new Stage("due", NoticeKind.Due, due));
        }

        if (Period.TryParse(options.EscalateAfter, out var grace))
        {
            var overdue = grace.From(due, 1, calendar, state);
            stages.Add(new Stage("overdue", NoticeKind.Overdue, overdue, IsFirstOverdue: true));
            AddRepeats(stages, "overdue", NoticeKind.Overdue, overdue, options.RepeatOverdue, day, calendar, state, lastRepeatOnly, nextRepeats);
        }

        return stages;
    }

    /// <summary>The latest stage owed on <paramref name="day"/>, or null when nothing is owed yet (or it is fulfilled).</summary>
    public static Stage? Owed(
        Deadline deadline, RuleNoticeOptions options, DateOnly day, BusinessCalendar calendar, Bundesland state, bool missingRecord = false) =>
        !options.Enabled || deadline.Status == DeadlineStatus.Fulfilled
            ? null
            : Latest(Stages(deadline, options, day, calendar, state, missingRecord, lastRepeatOnly: true), day);

    /// <summary>The last of the stages with the latest date up to the day (as a stable sort by date, then the last).</summary>
    private static Stage? Latest(List<Stage> stages, DateOnly day)
    {
        Stage? latest = null;
        foreach (var stage in stages)
        {
            if (stage.Date <= day && (latest is null || stage.Date >= latest.Date))
            {
                latest = stage;
            }
        }

        return latest;
    }

    private static void AddRepeats(
        List<Stage> stages, string prefix, NoticeKind kind, DateOnly start, string? interval, DateOnly day, BusinessCalendar calendar, Bundesland state,
        bool lastOnly, List<DateOnly>? nextRepeats = null)
    {
        if (!Period.TryParse(interval, out var every) || every.Amount <= 0)
        {
            return;
        }

        if (nextRepeats is not null)
        {
            nextRepeats.Add(NextRepeat(start, every, day, calendar, state));
        }

        if (lastOnly)
        {
            AddLastRepeat(stages, prefix, kind, start, every, day, calendar, state);
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

    private static void AddLastRepeat(
        List<Stage> stages, string prefix, NoticeKind kind, DateOnly start, Period every, DateOnly day, BusinessCalendar calendar, Bundesland state)
    {
        // Days and weeks are fixed steps: the last repeat up to the day follows by division, as the loop would find it.
        var stepDays = every.Unit switch { PeriodUnit.Days => every.Amount, PeriodUnit.Weeks => 7 * every.Amount, _ => 0 };
        if (stepDays > 0)
        {
            var n = (day.DayNumber - start.DayNumber) / stepDays;
            if (n >= 1)
            {
                stages.Add(new Stage($"{prefix}-{n + 1}", kind, start.AddDays(n * stepDays)));
            }

            return;
        }

        Stage? last = null;
        for (var n = 1; ; n++)
        {
            var next = new Period(every.Amount * n, every.Unit).From(start, 1, calendar, state);
            if (next > day)
            {
                break;
            }

            last = new Stage($"{prefix}-{n + 1}", kind, next);
        }

        if (last is not null)
        {
            stages.Add(last);
        }
    }

    /// <summary>The first repeat after <paramref name="day"/>, counted from the start as the repeats are.</summary>
    private static DateOnly NextRepeat(DateOnly start, Period every, DateOnly day, BusinessCalendar calendar, Bundesland state)
    {
        var stepDays = every.Unit switch { PeriodUnit.Days => every.Amount, PeriodUnit.Weeks => 7 * every.Amount, _ => 0 };
        if (stepDays > 0)
        {
            var n = Math.Max(1, ((day.DayNumber - start.DayNumber) / stepDays) + 1);
            while (start.AddDays(n * stepDays) <= day)
            {
                n++;
            }

            return start.AddDays(n * stepDays);
        }

        for (var n = 1; ; n++)
        {
            var next = new Period(every.Amount * n, every.Unit).From(start, 1, calendar, state);
            if (next > day)
            {
                return next;
            }
        }
    }
}
