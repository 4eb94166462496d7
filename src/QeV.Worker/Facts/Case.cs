namespace QeV.Worker.Facts;

public sealed record Case(
    string CaseId,
    string FileReference,
    string? Hilfeart,
    DateOnly StartDate,
    DateOnly? EndDate,
    string CaseManagerStaffId,
    string? ProviderOrganisationId,
    string? KeyWorkerStaffId);
