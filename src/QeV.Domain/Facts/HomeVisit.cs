namespace QeV.Domain.Facts;

/// <summary>A direct contact of the case manager in the family's home (F15: "2 bis 3 direkte Kontakte jährlich im Haushalt").</summary>
public sealed record HomeVisit(string VisitId, string CaseId, string? StaffId, DateOnly Date);
