using System.Globalization;

namespace QeV.Domain.Rules;

/// <summary>One instance of a Frist, computed from the facts as of a date.</summary>
public sealed record Deadline(
    string Rule,
    string Name,
    SubjectType SubjectType,
    string SubjectId,
    string? CaseId,
    string? FileReference,
    DateOnly DueDate,
    DeadlineStatus Status,
    string? ResponsibleStaffId,
    string? EscalationStaffId)
{
    /// <summary>Someone who is told about the deadline without owing it (e.g. the case manager for F01 and F06).</summary>
    public string? InformedStaffId { get; init; }

    /// <summary>Who is told when it is overdue and no team lead applies (F07: the Jugendamt's leitung).</summary>
    public string? SupervisorStaffId { get; init; }

    /// <summary>Organisation whose calendar applies and whose people act.</summary>
    public string? OrganisationId { get; init; }

    /// <summary>Stable identity of this instance: rule, subject and due date.</summary>
    public string Key => KeyOf(Rule, SubjectId, DueDate, InstanceKey);

    /// <summary>The <see cref="Key"/> of a deadline stored in parts (the deadlines table).</summary>
    public static string KeyOf(string rule, string subjectId, DateOnly dueDate, string? instanceKey) =>
        instanceKey ?? string.Create(CultureInfo.InvariantCulture, $"{rule}/{subjectId}/{dueDate:yyyy-MM-dd}");

    /// <summary>
    /// Identity of an instance whose due date is not a fact but the day it is judged on (F12 with neither certificate nor
    /// employed_since): without it every day would be a new instance and a new mail.
    /// </summary>
    public string? InstanceKey { get; init; }

    /// <summary>
    /// Set when the help has ended (before the day judged by) and this instance, due on or before the end, was missed:
    /// it is reported once as missed at the end of the help instead of escalating (see <see cref="EndedHelp"/>).
    /// </summary>
    public DateOnly? HelpEndedOn { get; init; }

    /// <summary>From this day a warning stage is owed before the due date (F13/F14: behind the pace in October).</summary>
    public DateOnly? WarningFrom { get; init; }

    /// <summary>The numbers a mail names: hours, sessions or visits reached and required ("6 von 15,6").</summary>
    public string? Progress { get; init; }

    /// <summary>The care-plan meeting a deadline prepares (F01) or follows (F03, F04, F05): its date, for the mail.</summary>
    public DateOnly? MeetingDate { get; init; }

    /// <summary>The month an obligation is about (F16: the first day of the month the Nachweisblatt proves).</summary>
    public DateOnly? Period { get; init; }

    public bool IsOpen => Status is not DeadlineStatus.Fulfilled;
}
