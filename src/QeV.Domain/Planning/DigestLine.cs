namespace QeV.Domain.Planning;

/// <summary>One deadline in a team lead's digest.</summary>
public sealed record DigestLine(
    string Rule,
    string RuleName,
    string SubjectId,
    string? FileReference,
    DateOnly DueDate,
    int DaysOverdue,
    string? ResponsibleName)
{
    /// <summary>The staff member, provider or agreement's provider the deadline is about (see <see cref="SubjectLabels"/>).</summary>
    public string? SubjectName { get; init; }

    /// <summary>The month it is about ("November 2026", F16).</summary>
    public string? Month { get; init; }

    /// <summary>"6 von 15,6" (F13, F14, F15).</summary>
    public string? Progress { get; init; }

    /// <summary>"Warnung: Rückstand" or "Hilfe beendet am …": what the line's state adds to its due date.</summary>
    public string? Note { get; init; }

    public bool IsOverdue => DaysOverdue > 0;
}
