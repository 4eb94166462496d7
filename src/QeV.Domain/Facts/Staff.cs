namespace QeV.Domain.Facts;

public sealed record Staff(
    string StaffId,
    string OrganisationId,
    string? TeamId,
    string DisplayName,
    string? Email,
    StaffRole? Role,
    bool Active,
    string? DeputyStaffId,
    DateOnly? AbsentFrom,
    DateOnly? AbsentUntil,
    DateOnly? EmployedSince)
{
    /// <summary>Absent on <paramref name="date"/>: an open end means absent until further notice.</summary>
    public bool IsAbsentOn(DateOnly date) =>
        AbsentFrom is { } from && date >= from && (AbsentUntil is not { } until || date <= until);
}
