using QeV.Worker.Dispatch.Ics;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// A notice rendered for mail: a one-line subject, the plain-text part, the HTML alternative and, for reminders
/// of a dated obligation, the all-day calendar event to attach.
/// </summary>
public sealed record RenderedMail(string Subject, string Text, string Html, CalendarEvent? Calendar);
