namespace QeV.Domain.Planning;

/// <summary>
/// Everything a notice says, fixed when it is planned and stored with it in the ledger; the dispatcher renders it.
/// Carries the case's file reference, never names or circumstances of the family.
/// </summary>
public sealed record NoticeContent
{
    public required string Key { get; init; }

    public required NoticeKind Kind { get; init; }

    /// <summary>Stage id, e.g. "reminder-10bd", "due", "overdue", "overdue-3", "notice", "digest".</summary>
    public required string Stage { get; init; }

    public string? Rule { get; init; }

    /// <summary>The rule profile the notice was planned under (selects profile-specific wording).</summary>
    public string? Profile { get; init; }

    /// <summary>The deadline instance (rule/subject/due); the dispatcher checks it is still open before sending.</summary>
    public string? DeadlineKey { get; init; }

    public string? RuleName { get; init; }

    public string? SubjectType { get; init; }

    public string? SubjectId { get; init; }

    public string? CaseId { get; init; }

    public string? FileReference { get; init; }

    public DateOnly? DueDate { get; init; }

    /// <summary>The day the notice was planned for (the digest's day).</summary>
    public required DateOnly Day { get; init; }

    /// <summary>upcoming, due or overdue on <see cref="Day"/>.</summary>
    public string? Status { get; init; }

    public required Recipient To { get; init; }

    public IReadOnlyList<Recipient> Cc { get; init; } = [];

    /// <summary>Who else is told about this deadline by separate mails ("Frau X (Teamleitung)").</summary>
    public IReadOnlyList<string> AlsoInformed { get; init; } = [];

    /// <summary>Name of the person who must act, when the mail goes to someone else.</summary>
    public string? ResponsibleName { get; init; }

    public IReadOnlyList<DigestLine> Overdue { get; init; } = [];

    public IReadOnlyList<DigestLine> DueSoon { get; init; } = [];

    public IReadOnlyList<DataProblemLine> Problems { get; init; } = [];

    /// <summary>The day the help ended, for a deadline missed before it (kind Ended).</summary>
    public DateOnly? HelpEndedOn { get; init; }

    /// <summary>The recipient's role on this deadline ("Teamleitung", "fallführende Fachkraft", "Leitung des Trägers").</summary>
    public string? ToRole { get; init; }

    /// <summary>Who or what the deadline is about: the staff member, the provider, the agreement's provider (never a family).</summary>
    public string? SubjectName { get; init; }

    /// <summary>The month the obligation is about ("November 2026", F16).</summary>
    public string? Month { get; init; }

    /// <summary>The date of the care-plan meeting the deadline prepares (F01) or follows (F03, F04, F05).</summary>
    public DateOnly? MeetingDate { get; init; }

    /// <summary>Hours, sessions or visits reached and required ("6 von 15,6"; F13, F14, F15).</summary>
    public string? Progress { get; init; }

    /// <summary>Immediate notices ignore office hours (F06).</summary>
    public bool Urgent { get; init; }

    public int DaysOverdue => DueDate is { } due && Day > due ? Day.DayNumber - due.DayNumber : 0;

    public int DaysLeft => DueDate is { } due && due > Day ? due.DayNumber - Day.DayNumber : 0;
}
