namespace QeV.Domain.Planning;

/// <summary>A data problem found while routing (no email, inactive, unknown person), for digests and the admin report.</summary>
public sealed record DataProblemLine(string StaffId, string? StaffName, string Problem, string Context);
