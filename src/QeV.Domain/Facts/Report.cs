namespace QeV.Domain.Facts;

public sealed record Report(
    string ReportId,
    ReportKind Kind,
    string OrganisationId,
    string? CaseId,
    string? MeetingId,
    string? Period,
    DateOnly ReceivedDate);
