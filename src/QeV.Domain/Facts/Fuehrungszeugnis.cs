namespace QeV.Domain.Facts;

/// <summary>Erweitertes Führungszeugnis of one staff member.</summary>
public sealed record Fuehrungszeugnis(string StaffId, DateOnly IssuedDate, DateOnly? PresentedDate);
