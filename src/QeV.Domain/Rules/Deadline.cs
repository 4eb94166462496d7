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
    public string Key => InstanceKey ?? string.Create(CultureInfo.InvariantCulture, $"{Rule}/{SubjectId}/{DueDate:yyyy-MM-dd}");

    /// <summary>
    /// Identity of an instance whose due date is not a fact but the day it is judged on (F12 with neither certificate nor
    /// employed_since): without it every day would be a new instance and a new mail.
    /// </summary>
    public string? InstanceKey { get; init; }

    public bool IsOpen => Status is not DeadlineStatus.Fulfilled;
}
