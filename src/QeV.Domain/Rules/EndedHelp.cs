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

    /// <summary>
    /// Where the help stands on <paramref name="asOf"/> for <see cref="Apply"/>: 0 running (or no end), 1 ended and its
    /// missed instances listed, 2 ended and listed no more. The scan makes it part of a case's fingerprint, so the case is
    /// judged again on the days it changes, not every day.
    /// </summary>
    public static int PhaseOn(Case @case, DateOnly asOf) =>
        @case.EndDate is not { } end || end >= asOf ? 0 : asOf.DayNumber - end.DayNumber > ListedDays ? 2 : 1;
}
