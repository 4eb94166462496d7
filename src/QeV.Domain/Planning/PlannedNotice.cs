namespace QeV.Domain.Planning;

/// <summary>A notice the planner owes: its content and routing, ready to be written to the ledger once.</summary>
public sealed record PlannedNotice(NoticeContent Content, string? IntendedStaffId, DateOnly PlannedFor)
{
    public string Key => Content.Key;
}
