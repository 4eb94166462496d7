namespace QeV.Domain.Facts;

public sealed record Organisation(string OrganisationId, OrganisationKind Kind, string Name, string? ContactEmail, string? State)
{
    /// <summary>A provider that has stopped working (organisations.active = false) produces no new deadlines.</summary>
    public bool Active { get; init; } = true;
}
