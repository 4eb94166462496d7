using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// Renders a notice: subject and body from its template, the text part in <c>layout.text</c> (no escaping), the
/// HTML part in <c>layout.html</c> (escaped), and the calendar event for reminders of a dated obligation.
/// Only the fields of <see cref="NoticeContent"/> exist for a template: no family data can reach a mail.
/// </summary>
public sealed class MailRenderer(MailTemplates templates, TimeProvider time)
{
    public RenderedMail Render(NoticeContent content) => Render(content, time.GetUtcNow());

    /// <param name="content">The notice.</param>
    /// <param name="stamp">The calendar event's DTSTAMP (when the event was created).</param>
    public RenderedMail Render(NoticeContent content, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(content);
        var template = templates.ContentFor(content);
        var subject = MailBody.SingleLine(template.RenderSubject(content));
        var text = MailBody.Text(templates.TextLayout.Render(content, subject, MailBody.Text(template.RenderText(content))));
        var html = templates.HtmlLayout.Render(content, subject, MailBody.Html(template.RenderHtml(content)));
        return new RenderedMail(subject, text + "\n", html, NoticeCalendar.For(content, templates, stamp));
    }
}
