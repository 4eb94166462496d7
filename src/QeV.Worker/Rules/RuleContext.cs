using QeV.Worker.Calendar;

namespace QeV.Worker.Rules;

/// <summary>What a rule needs besides the facts: the date to judge by and the business calendar.</summary>
public sealed record RuleContext(DateOnly AsOf, BusinessCalendar Calendar, Bundesland DefaultState)
{
    public DeadlineStatus StatusOf(DateOnly due, bool fulfilled = false) =>
        fulfilled ? DeadlineStatus.Fulfilled
        : due > AsOf ? DeadlineStatus.Upcoming
        : due == AsOf ? DeadlineStatus.Due
        : DeadlineStatus.Overdue;
}
