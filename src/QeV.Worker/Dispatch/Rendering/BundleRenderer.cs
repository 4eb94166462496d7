using System.Globalization;
using System.Net;
using System.Text;
using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// Renders the items owed to one person on one day as one mail: each item with its own template (subject as the
/// section heading, body below), sections grouped by rule, in the shared text and HTML layouts, and one calendar
/// event per dated item. Only the fields of <see cref="NoticeContent"/> reach the mail, as for single notices.
/// </summary>
public sealed class BundleRenderer(MailTemplates templates, TimeProvider time)
{
    public RenderedBundle Render(string key, Recipient to, DateOnly day, IReadOnlyList<NoticeContent> items)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(items);
        var stamp = time.GetUtcNow();
        var subject = Subject(day, items);
        var text = new StringBuilder();
        var html = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"hier sind Ihre {items.Count} Hinweise zu Fristen vom {MailFormat.Date(day)} in einer Nachricht, nach Regel geordnet.\n\n");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"{MailBody.ParagraphStyle}\">hier sind Ihre {items.Count} Hinweise zu Fristen vom {MailFormat.Date(day)} in einer Nachricht, nach Regel geordnet.</p>\n");
        foreach (var group in items.GroupBy(i => i.Rule ?? "", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var heading = (group.Key + " " + (group.First().RuleName ?? "")).Trim();
            text.Append(CultureInfo.InvariantCulture, $"{heading} ({group.Count()})\n\n");
            html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:18px;margin:1.5em 0 0.5em 0;\">{Encode(heading)} ({group.Count()})</h2>\n");
            foreach (var item in group.OrderBy(i => i.DueDate).ThenBy(i => i.Key, StringComparer.Ordinal))
            {
                var template = templates.ContentFor(item);
                var itemSubject = MailBody.SingleLine(template.RenderSubject(item));
                var notes = Notes(item, to.Email);
                text.Append("- ").Append(itemSubject).Append("\n\n");
                MailBody.AppendText(text, template.RenderText(item)).Append("\n\n");
                html.Append("<h3 style=\"font-size:16px;margin:1em 0 0.5em 0;\">").Append(Encode(itemSubject)).Append("</h3>\n");
                MailBody.AppendHtml(html, template.RenderHtml(item));
                foreach (var note in notes)
                {
                    text.Append(note).Append("\n\n");
                    html.Append("<p style=\"").Append(MailBody.ParagraphStyle).Append("\">").Append(Encode(note)).Append("</p>\n");
                }

                text.Append("Kennung: ").Append(item.Key).Append("\n\n");
                html.Append("<p style=\"margin:0 0 1.5em 0;font-size:13px;color:#555555;\">Kennung: ").Append(Encode(item.Key)).Append("</p>\n");
            }
        }

        var model = new NoticeContent { Key = key, Kind = NoticeKind.Reminder, Stage = "bundle", Day = day, To = to with { StandsInFor = null } };
        // The layouts around the sections: the sections spliced in, never passed through the template engine.
        var textMail = templates.TextLayout.RenderAround(model, subject, text.ToString(), MailBody.Text);
        var htmlMail = templates.HtmlLayout.RenderAround(model, subject, html.ToString());
        var events = items.Select(i => NoticeCalendar.ForItem(i, templates, stamp)).OfType<Ics.CalendarEvent>()
            .DistinctBy(e => e.Uid, StringComparer.Ordinal).ToList();
        return new RenderedBundle(day, subject, textMail + "\n", htmlMail, events);
    }

    /// <summary>"Fristen am 05.06.2026: 2 Erinnerungen, 1 überfällig, 1 Eskalation".</summary>
    public static string Subject(DateOnly day, IReadOnlyList<NoticeContent> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var parts = items.GroupBy(i => i.Kind).OrderBy(g => g.Key).Select(g => g.Key switch
        {
            NoticeKind.Reminder => MailFormat.Plural(g.Count(), "Erinnerung", "Erinnerungen"),
            NoticeKind.Due => g.Count().ToString(MailFormat.German) + " heute fällig",
            NoticeKind.Overdue => g.Count().ToString(MailFormat.German) + " überfällig",
            NoticeKind.Escalation => MailFormat.Plural(g.Count(), "Eskalation", "Eskalationen"),
            NoticeKind.Missing => MailFormat.Plural(g.Count(), "fehlender Nachweis", "fehlende Nachweise"),
            _ => MailFormat.Plural(g.Count(), "Hinweis", "Hinweise"),
        });
        return $"Fristen am {MailFormat.Date(day)}: {string.Join(", ", parts)}";
    }

    private static List<string> Notes(NoticeContent item, string address)
    {
        var notes = new List<string>();
        if (!string.Equals(item.To.Email, address, StringComparison.OrdinalIgnoreCase))
            notes.Add($"Sie erhalten diesen Hinweis in Kopie; er richtet sich an {item.To.DisplayName}.");
        if (item.To.StandsInFor is { } absent)
            notes.Add($"Sie erhalten diesen Hinweis als Vertretung für {absent}.");
        if (item.AlsoInformed.Count > 0)
            notes.Add($"Über diese Frist sind außerdem informiert: {MailFormat.JoinNames(item.AlsoInformed)}.");
        return notes;
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
