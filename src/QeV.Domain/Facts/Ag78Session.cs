namespace QeV.Domain.Facts;

/// <summary>A session of the Arbeitsgemeinschaft nach § 78 SGB VIII, held by a Jugendamt.</summary>
public sealed record Ag78Session(string SessionId, string OrganisationId, DateOnly Date, string? Topic);
