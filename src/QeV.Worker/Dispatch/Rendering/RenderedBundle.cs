using QeV.Worker.Dispatch.Ics;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>The items owed to one person on one day rendered as one mail: sections grouped by rule, one VEVENT per dated item.</summary>
public sealed record RenderedBundle(DateOnly Day, string Subject, string Text, string Html, IReadOnlyList<CalendarEvent> Events);
