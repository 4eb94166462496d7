namespace QeV.Worker.Reports;

/// <summary>One element of `qev deadlines --format json`, in the field order of CONTRACT.md.</summary>
public sealed record DeadlineReportRow(
    string Rule,
    string Name,
    string SubjectType,
    string SubjectId,
    string? CaseId,
    string? FileReference,
    DateOnly DueDate,
    string Status,
    string? ResponsibleStaffId,
    string? EscalationStaffId);
