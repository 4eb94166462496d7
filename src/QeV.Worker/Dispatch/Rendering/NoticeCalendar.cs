using System.Globalization;
using QeV.Worker.Dispatch.Ics;
using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// The calendar event of a reminder or due notice: all-day on the due date, its UID stable per deadline (rule,
/// subject and due date), so every stage updates the same entry. Summary and description come from the
/// "&lt;Rule&gt;.calendar" template (first line, then body) and name no person.
/// </summary>
public static class NoticeCalendar
{
    public static CalendarEvent? For(NoticeContent content, MailTemplates templates, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(templates);
        if (content.Kind is not (NoticeKind.Reminder or NoticeKind.Due))
            return null;

        return ForItem(content, templates, stamp);
    }

    /// <summary>The event of any dated item (a bundle has one VEVENT per item, overdue ones included).</summary>
    public static CalendarEvent? ForItem(NoticeContent content, MailTemplates templates, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(templates);
        if (content.DueDate is not { } due)
            return null;

        var template = templates.ContentFor(content.Rule, MailTemplateNames.Calendar, content.Profile);
        return new CalendarEvent(
            IcsWriter.StableUid(DeadlineKey(content.Rule, content.SubjectId ?? content.CaseId, due)),
            due,
            MailBody.SingleLine(template.RenderSubject(content)),
            MailBody.Text(template.RenderText(content)),
            stamp);
    }

    /// <summary>"F01/M-1001/2026-12-04": the same for every stage of one deadline.</summary>
    public static string DeadlineKey(string? rule, string? subjectId, DateOnly due) =>
        string.Create(CultureInfo.InvariantCulture, $"{rule}/{subjectId}/{due:yyyy-MM-dd}");
}
