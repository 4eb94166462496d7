namespace QeV.Domain.Facts;

public sealed record Appointment(string AppointmentId, string CaseId, DateOnly Date, AppointmentOutcome Outcome);
