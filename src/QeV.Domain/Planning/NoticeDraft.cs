namespace QeV.Domain.Planning;

/// <summary>One mail of a stage before routing: kind, intended person, their role, the intended Cc.</summary>
internal sealed record NoticeDraft(NoticeKind Kind, string? StaffId, string Role, IReadOnlyList<(string? StaffId, string Role)> Cc)
{
    /// <summary>Stage id used in the notice key instead of the current stage's (a mail owed once per deadline).</summary>
    public string? KeyStage { get; init; }
}
