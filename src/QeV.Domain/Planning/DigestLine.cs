namespace QeV.Domain.Planning;

/// <summary>One deadline in a team lead's digest.</summary>
public sealed record DigestLine(
    string Rule,
    string RuleName,
    string SubjectId,
    string? FileReference,
    DateOnly DueDate,
    int DaysOverdue,
    string? ResponsibleName);
