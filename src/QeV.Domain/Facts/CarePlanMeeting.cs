namespace QeV.Domain.Facts;

/// <summary>Hilfeplangespräch (initial), Hilfeplanfortschreibung or Hilfeplankonkretisierung.</summary>
public sealed record CarePlanMeeting(
    string MeetingId,
    string CaseId,
    MeetingKind Kind,
    DateOnly Date,
    MeetingStatus Status,
    DateOnly? PlanSentDate,
    DateOnly? CostApprovalDate);
