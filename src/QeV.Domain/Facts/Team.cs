namespace QeV.Domain.Facts;

public sealed record Team(string TeamId, string OrganisationId, string Name, string? LeadStaffId, string? DeputyLeadStaffId);
