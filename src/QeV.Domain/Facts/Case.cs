namespace QeV.Domain.Facts;

public sealed record Case(
    string CaseId,
    string FileReference,
    string? Hilfeart,
    DateOnly StartDate,
    DateOnly? EndDate,
    string CaseManagerStaffId,
    string? ProviderOrganisationId,
    string? KeyWorkerStaffId)
{
    /// <summary>The help is a Clearing (Bad Dürkheim: about three months, ending with a Clearingbericht).</summary>
    public bool Clearing { get; init; }

    /// <summary>The help runs on <paramref name="date"/>: it has not ended before it.</summary>
    public bool RunsOn(DateOnly date) => EndDate is not { } end || end >= date;
}
