namespace QeV.Domain.Facts;

public sealed record Training(string StaffId, DateOnly Date, TrainingKind Kind, int Minutes);
