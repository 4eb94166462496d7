namespace QeV.Worker.Ledger;

#pragma warning disable CA1812 // instantiated by Dapper
/// <summary>One row of the notice ledger.</summary>
public sealed class NoticeRow
{
    public string NoticeKey { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Rule { get; set; }
    public string? SubjectId { get; set; }
    public string? CaseId { get; set; }
    public DateOnly? DueDate { get; set; }
    public string Stage { get; set; } = "";
    public string? RecipientStaffId { get; set; }
    public string? ToStaffId { get; set; }
    public string ToAddress { get; set; } = "";
    public DateOnly PlannedFor { get; set; }
    public bool Urgent { get; set; }
    public string Content { get; set; } = "";
    public string State { get; set; } = "";
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
#pragma warning restore CA1812
