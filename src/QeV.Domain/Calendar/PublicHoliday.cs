namespace QeV.Domain.Calendar;

/// <summary>A statutory public holiday on a given date, named in German.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name);
