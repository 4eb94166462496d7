namespace QeV.Domain.Facts;

public sealed record Organisation(string OrganisationId, OrganisationKind Kind, string Name, string? ContactEmail, string? State);
