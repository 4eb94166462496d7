using QeV.Domain.Facts;

namespace QeV.Domain.Rules;

/// <summary>
/// A help whose end_date has passed keeps no open deadline of a case obligation. An instance that fell due on or before
/// the end and was missed is listed as missed at the end of the help (<see cref="Deadline.HelpEndedOn"/>) for
/// <see cref="ListedDays"/> days, with one notice, and then leaves the lists; one that would fall due only after the
/// end is not owed at all. Closing obligations (owed because the help ended) do not go through here.
/// </summary>
public static class EndedHelp
{
    /// <summary>How long after the end a missed instance stays in the lists (its one notice goes out meanwhile).</summary>
    public const int ListedDays = 14;

    public static Deadline? Apply(Deadline deadline, Case? @case, RuleContext context)
    {
        if (@case?.EndDate is not { } end || end >= context.AsOf || deadline.Status == DeadlineStatus.Fulfilled)
        {
            return deadline;
        }

        if (deadline.DueDate > end || context.AsOf.DayNumber - end.DayNumber > ListedDays)
        {
            return null;
        }

        return deadline with { HelpEndedOn = end };
    }
}
