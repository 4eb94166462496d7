namespace QeV.Worker.Planning;

/// <summary>One mail of a stage before routing: kind, intended person, their role, the intended Cc.</summary>
internal sealed record NoticeDraft(NoticeKind Kind, string? StaffId, string Role, IReadOnlyList<(string? StaffId, string Role)> Cc);
