namespace QeV.Worker.Dispatch.Ics;

/// <summary>An all-day calendar event on <paramref name="Date"/>, written by <see cref="IcsWriter"/>.</summary>
public sealed record CalendarEvent(string Uid, DateOnly Date, string Summary, string Description, DateTimeOffset Stamp);
