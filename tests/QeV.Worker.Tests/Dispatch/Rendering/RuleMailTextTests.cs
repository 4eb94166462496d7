using QeV.Domain.Planning;
using QeV.Worker.Dispatch.Rendering;

namespace QeV.Worker.Tests.Dispatch.Rendering;

/// <summary>
/// Issue 10, "Mails that say what they are about": every rule's own German template per stage names the subject (the
/// provider, the staff member, the agreement), the numbers (hours, sessions, visits: "x von y"), the date of the care-plan
/// meeting a report prepares, and what the recipient is to do; a mail to the person who must act says "Sie", never
/// "zuständig ist &lt;their name&gt;". The notices are built as the planner builds them for realistic cases.
/// </summary>
public sealed class RuleMailTextTests
{
    private static readonly MailRenderer Renderer =
        new(new MailTemplates(dataContact: "Support Fachverfahren, Tel. 0391 540-1234"), new FixedTimeProvider(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero)));

    /// <summary>A notice as NoticePlanner writes it for the rule: the responsible person's own mails carry no ResponsibleName.</summary>
    internal static NoticeContent Realistic(string rule, NoticeKind kind)
    {
        var notice = SampleNotices.Notice(rule, kind);
        var own = kind is NoticeKind.Reminder or NoticeKind.Due or NoticeKind.Overdue or NoticeKind.Missing;
        notice = notice with
        {
            ResponsibleName = own ? null : "Karl Muster",
            ToRole = kind switch
            {
                NoticeKind.Escalation => rule is "F07" or "F11" ? "Leitung des Jugendamts" : "Teamleitung",
                NoticeKind.Note => rule switch
                {
                    "F01" or "F16" or "F17" or "F19" => "fallführende Fachkraft",
                    "F02" or "F03" or "F04" or "F05" or "F15" => "Bezugsbetreuung",
                    "F08" or "F10" or "F18" => "Leitung des Trägers",
                    "F07" or "F11" => "Leitung des Jugendamts",
                    "F14" => "Fachkraft",
                    _ => "Teamleitung",
                },
                _ => null,
            },
            SubjectId = rule switch { "F07" or "F18" => "QEV-2024-03", "F10" => "QEV-MD-2023", _ => notice.SubjectId },
            SubjectName = rule switch
            {
                "F07" or "F08" or "F10" or "F11" or "F18" => "Jugendhilfe Nord gGmbH",
                "F09" => "Jugendamt Magdeburg",
                "F12" or "F13" or "F14" when !own || rule == "F14" => "Anna Beispiel",
                _ => null,
            },
            MeetingDate = rule is "F01" ? new DateOnly(2026, 12, 18) : rule is "F03" or "F04" or "F05" ? new DateOnly(2026, 10, 9) : null,
            Month = rule is "F16" ? "Oktober 2026" : null,
            Progress = rule switch { "F13" => "6 von 15,6", "F14" => "5,5 von 8", "F15" => "1 von 2", _ => null },
        };
        return notice;
    }

    public static TheoryData<string, NoticeKind, string> Sentences() => new()
    {
        { "F01", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: den Entwicklungsbericht an die fallführende Fachkraft des Jugendamts senden." },
        { "F01", NoticeKind.Due, "Bitte heute: den Entwicklungsbericht an die fallführende Fachkraft des Jugendamts senden." },
        { "F01", NoticeKind.Overdue, "Bitte so bald wie möglich: den Entwicklungsbericht an die fallführende Fachkraft des Jugendamts senden." },
        { "F01", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann der Bericht vorliegt, und stimmen Sie sich bei Bedarf mit der fallführenden Fachkraft ab, ob der Termin der Fortschreibung zu halten ist." },
        { "F01", NoticeKind.Note, "Sie erhalten diese Nachricht als fallführende Fachkraft. Der Träger wurde erinnert. Liegt Ihnen der Bericht bereits vor, erfassen Sie bitte seinen Eingang. Fehlt er kurz vor der Hilfeplanfortschreibung am 18.12.2026 noch, prüfen Sie bitte, ob der Termin verschoben werden muss." },
        { "F02", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: das Hilfeplangespräch mit der Familie und dem Träger durchführen (den Termin so legen, dass der Entwicklungsbericht zwei Wochen vorher vorliegen kann) und es als gehalten erfassen." },
        { "F02", NoticeKind.Due, "Bitte heute: das Hilfeplangespräch mit der Familie und dem Träger durchführen (den Termin so legen, dass der Entwicklungsbericht zwei Wochen vorher vorliegen kann) und es als gehalten erfassen." },
        { "F02", NoticeKind.Overdue, "Bitte so bald wie möglich: das Hilfeplangespräch mit der Familie und dem Träger durchführen (den Termin so legen, dass der Entwicklungsbericht zwei Wochen vorher vorliegen kann) und es als gehalten erfassen." },
        { "F02", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann die Hilfeplanfortschreibung stattfindet." },
        { "F02", NoticeKind.Note, "Sie erhalten diese Nachricht als Bezugsbetreuung. Die fallführende Fachkraft wurde erinnert. Bitte halten Sie sich für das Hilfeplangespräch bereit, sobald der Termin feststeht." },
        { "F03", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: die Hilfeplankonkretisierung mit dem Träger durchführen und als gehalten erfassen." },
        { "F03", NoticeKind.Due, "Bitte heute: die Hilfeplankonkretisierung mit dem Träger durchführen und als gehalten erfassen." },
        { "F03", NoticeKind.Overdue, "Bitte so bald wie möglich: die Hilfeplankonkretisierung mit dem Träger durchführen und als gehalten erfassen." },
        { "F03", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann die Hilfeplankonkretisierung stattfindet." },
        { "F03", NoticeKind.Note, "Sie erhalten diese Nachricht als Bezugsbetreuung. Die fallführende Fachkraft wurde erinnert. Bitte stimmen Sie mit ihr einen Termin für die Konkretisierung ab." },
        { "F04", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: den unterschriebenen Hilfeplan an alle Beteiligten senden und das Versanddatum erfassen." },
        { "F04", NoticeKind.Due, "Bitte heute: den unterschriebenen Hilfeplan an alle Beteiligten senden und das Versanddatum erfassen." },
        { "F04", NoticeKind.Overdue, "Bitte so bald wie möglich: den unterschriebenen Hilfeplan an alle Beteiligten senden und das Versanddatum erfassen." },
        { "F04", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann der Hilfeplan an alle Beteiligten geht." },
        { "F04", NoticeKind.Note, "Sie erhalten diese Nachricht als Bezugsbetreuung. Die fallführende Fachkraft wurde erinnert. Liegt Ihnen der Hilfeplan bereits vor, geben Sie ihr bitte Bescheid, damit der Versand erfasst wird." },
        { "F05", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: die Kostenzusage (mit der Wirtschaftlichen Jugendhilfe) an den Träger senden und ihr Datum erfassen." },
        { "F05", NoticeKind.Due, "Bitte heute: die Kostenzusage (mit der Wirtschaftlichen Jugendhilfe) an den Träger senden und ihr Datum erfassen." },
        { "F05", NoticeKind.Overdue, "Bitte so bald wie möglich: die Kostenzusage (mit der Wirtschaftlichen Jugendhilfe) an den Träger senden und ihr Datum erfassen." },
        { "F05", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann der Träger die Kostenzusage erhält." },
        { "F05", NoticeKind.Note, "Sie erhalten diese Nachricht als Bezugsbetreuung. Die fallführende Fachkraft wurde erinnert. Liegt Ihnen die Kostenzusage bereits vor, geben Sie ihr bitte Bescheid, damit sie erfasst wird." },
        { "F07", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: den Leistungsbericht beim Jugendamt einreichen." },
        { "F07", NoticeKind.Due, "Bitte heute: den Leistungsbericht beim Jugendamt einreichen." },
        { "F07", NoticeKind.Overdue, "Bitte so bald wie möglich: den Leistungsbericht beim Jugendamt einreichen." },
        { "F07", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Leitung des Jugendamts, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann der Leistungsbericht vorliegt." },
        { "F07", NoticeKind.Note, "Sie erhalten diese Nachricht als Leitung des Jugendamts. Der Träger wurde erinnert. Liegt Ihnen der Bericht bereits vor, erfassen Sie bitte seinen Eingang." },
        { "F08", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: den Träger zum Trägergespräch einladen, es führen und als geführt erfassen." },
        { "F08", NoticeKind.Due, "Bitte heute: den Träger zum Trägergespräch einladen, es führen und als geführt erfassen." },
        { "F08", NoticeKind.Overdue, "Bitte so bald wie möglich: den Träger zum Trägergespräch einladen, es führen und als geführt erfassen." },
        { "F08", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann das Trägergespräch stattfindet." },
        { "F08", NoticeKind.Note, "Sie erhalten diese Nachricht als Leitung des Trägers. Das Jugendamt wurde erinnert, zum Trägergespräch über Ihren Leistungsbericht einzuladen. Bitte halten Sie sich für einen Termin bis zum 04.12.2026 bereit; kommt keine Einladung, sprechen Sie das Jugendamt bitte an." },
        { "F09", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: die Überprüfung auf die Tagesordnung der AG § 78 setzen und die Sitzung erfassen." },
        { "F09", NoticeKind.Due, "Bitte heute: die Überprüfung auf die Tagesordnung der AG § 78 setzen und die Sitzung erfassen." },
        { "F09", NoticeKind.Overdue, "Bitte so bald wie möglich: die Überprüfung auf die Tagesordnung der AG § 78 setzen und die Sitzung erfassen." },
        { "F09", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann die Überprüfung in der AG § 78 stattfindet." },
        { "F09", NoticeKind.Note, "Sie erhalten diese Nachricht als Teamleitung. Die Leitung des Jugendamts wurde erinnert; bitte halten Sie sich für die Sitzung der AG § 78 bereit." },
        { "F10", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: die Fortschreibung mit den Trägern verhandeln und abschließen (eine neue QEV oder eine LEQ, die sie einschließt)." },
        { "F10", NoticeKind.Due, "Bitte heute: die Fortschreibung mit den Trägern verhandeln und abschließen (eine neue QEV oder eine LEQ, die sie einschließt)." },
        { "F10", NoticeKind.Overdue, "Bitte so bald wie möglich: die Fortschreibung mit den Trägern verhandeln und abschließen (eine neue QEV oder eine LEQ, die sie einschließt)." },
        { "F10", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann die Vereinbarung fortgeschrieben wird." },
        { "F10", NoticeKind.Note, "Sie erhalten diese Nachricht als Leitung des Trägers. Das Jugendamt wurde erinnert, die Fortschreibung zu verhandeln. Bitte bereiten Sie die Verhandlung vor; kommt bis zum 04.12.2026 keine Einladung, sprechen Sie das Jugendamt bitte an." },
        { "F11", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: die Leistungsbeschreibung überprüfen und die überprüfte Fassung beim Jugendamt einreichen." },
        { "F11", NoticeKind.Due, "Bitte heute: die Leistungsbeschreibung überprüfen und die überprüfte Fassung beim Jugendamt einreichen." },
        { "F11", NoticeKind.Overdue, "Bitte so bald wie möglich: die Leistungsbeschreibung überprüfen und die überprüfte Fassung beim Jugendamt einreichen." },
        { "F11", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Leitung des Jugendamts, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann die überprüfte Leistungsbeschreibung vorliegt." },
        { "F11", NoticeKind.Note, "Sie erhalten diese Nachricht als Leitung des Jugendamts. Der Träger wurde erinnert. Liegt Ihnen die überprüfte Fassung bereits vor, erfassen Sie bitte ihren Eingang." },
        { "F12", NoticeKind.Reminder, "Bitte beantragen Sie rechtzeitig ein neues erweitertes Führungszeugnis, beim Bürgeramt oder online beim Bundesamt für Justiz; die dafür nötige schriftliche Aufforderung erhalten Sie von der Personalverwaltung." },
        { "F12", NoticeKind.Due, "Bitte reichen Sie das neue Führungszeugnis bei der Personalverwaltung ein." },
        { "F12", NoticeKind.Overdue, "Bitte reichen Sie das neue Führungszeugnis so bald wie möglich bei der Personalverwaltung ein." },
        { "F12", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung. Bitte klären Sie mit Karl Muster und der Personalverwaltung, bis wann das neue Führungszeugnis vorliegt." },
        { "F12", NoticeKind.Note, "Sie erhalten diese Nachricht als Teamleitung. Die zuständige Person wurde erinnert. Bitte reichen Sie das neue Führungszeugnis ein, sobald Sie es erhalten." },
        { "F13", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: die fehlenden Fortbildungsstunden besuchen und die Nachweise zur Erfassung weitergeben." },
        { "F13", NoticeKind.Due, "Bitte heute: die fehlenden Fortbildungsstunden besuchen und die Nachweise zur Erfassung weitergeben." },
        { "F13", NoticeKind.Overdue, "Bitte so bald wie möglich: die fehlenden Fortbildungsstunden besuchen und die Nachweise zur Erfassung weitergeben." },
        { "F13", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann die fehlenden Stunden nachgeholt werden." },
        { "F13", NoticeKind.Note, "Sie erhalten diese Nachricht als Teamleitung. Die zuständige Person wurde erinnert. Bitte geben Sie Nachweise über besuchte Fortbildungen zur Erfassung weiter." },
        { "F14", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: die fehlenden Supervisionssitzungen für Anna Beispiel einplanen und erfassen." },
        { "F14", NoticeKind.Due, "Bitte heute: die fehlenden Supervisionssitzungen für Anna Beispiel einplanen und erfassen." },
        { "F14", NoticeKind.Overdue, "Bitte so bald wie möglich: die fehlenden Supervisionssitzungen für Anna Beispiel einplanen und erfassen." },
        { "F14", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann die fehlenden Sitzungen stattfinden." },
        { "F14", NoticeKind.Note, "Sie erhalten diese Nachricht als Fachkraft. Ihre Teamleitung wurde erinnert, die fehlenden Supervisionssitzungen einzuplanen. Bitte nehmen Sie die Termine wahr und melden Sie, wenn eine Sitzung nicht erfasst ist." },
        { "F15", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: die fehlenden Hausbesuche machen und erfassen." },
        { "F15", NoticeKind.Due, "Bitte heute: die fehlenden Hausbesuche machen und erfassen." },
        { "F15", NoticeKind.Overdue, "Bitte so bald wie möglich: die fehlenden Hausbesuche machen und erfassen." },
        { "F15", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann die fehlenden Hausbesuche stattfinden." },
        { "F15", NoticeKind.Note, "Sie erhalten diese Nachricht als Bezugsbetreuung. Die fallführende Fachkraft wurde erinnert. Bitte stimmen Sie Hausbesuche mit ihr ab, wenn sie Sie darum bittet." },
        { "F16", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: das von der Familie unterschriebene Nachweisblatt an die fallführende Fachkraft senden." },
        { "F16", NoticeKind.Due, "Bitte heute: das von der Familie unterschriebene Nachweisblatt an die fallführende Fachkraft senden." },
        { "F16", NoticeKind.Overdue, "Bitte so bald wie möglich: das von der Familie unterschriebene Nachweisblatt an die fallführende Fachkraft senden." },
        { "F16", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann das Nachweisblatt vorliegt." },
        { "F16", NoticeKind.Note, "Sie erhalten diese Nachricht als fallführende Fachkraft. Der Träger wurde erinnert. Liegt Ihnen das Nachweisblatt für Oktober 2026 bereits vor, erfassen Sie bitte seinen Eingang; bis dahin kann die Abrechnung des Monats nicht geprüft werden." },
        { "F17", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: eine gleichwertige Fachkraft als Vertretung (oder als neue Bezugsbetreuung) einsetzen und erfassen." },
        { "F17", NoticeKind.Due, "Bitte heute: eine gleichwertige Fachkraft als Vertretung (oder als neue Bezugsbetreuung) einsetzen und erfassen." },
        { "F17", NoticeKind.Overdue, "Bitte so bald wie möglich: eine gleichwertige Fachkraft als Vertretung (oder als neue Bezugsbetreuung) einsetzen und erfassen." },
        { "F17", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann die Vertretung eingesetzt ist." },
        { "F17", NoticeKind.Note, "Sie erhalten diese Nachricht als fallführende Fachkraft. Der Träger wurde erinnert, eine gleichwertige Vertretung einzusetzen. Bitte klären Sie mit ihm, wer die Hilfe bis dahin übernimmt." },
        { "F18", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: zum Qualitätsdialog einladen, ihn führen und als geführt erfassen." },
        { "F18", NoticeKind.Due, "Bitte heute: zum Qualitätsdialog einladen, ihn führen und als geführt erfassen." },
        { "F18", NoticeKind.Overdue, "Bitte so bald wie möglich: zum Qualitätsdialog einladen, ihn führen und als geführt erfassen." },
        { "F18", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann der Qualitätsdialog stattfindet." },
        { "F18", NoticeKind.Note, "Sie erhalten diese Nachricht als Leitung des Trägers. Die einladende Seite wurde erinnert. Bitte halten Sie sich für den Qualitätsdialog bereit; kommt keine Einladung, sprechen Sie die andere Seite bitte an." },
        { "F19", NoticeKind.Reminder, "Bitte bis zum 04.12.2026: den Clearingbericht an die fallführende Fachkraft senden." },
        { "F19", NoticeKind.Due, "Bitte heute: den Clearingbericht an die fallführende Fachkraft senden." },
        { "F19", NoticeKind.Overdue, "Bitte so bald wie möglich: den Clearingbericht an die fallführende Fachkraft senden." },
        { "F19", NoticeKind.Escalation, "Sie erhalten diese Nachricht als Teamleitung, weil Karl Muster bereits erinnert wurde und die Frist dennoch überschritten ist. Bitte klären Sie mit Karl Muster, bis wann der Clearingbericht vorliegt." },
        { "F19", NoticeKind.Note, "Sie erhalten diese Nachricht als fallführende Fachkraft. Die Bezugsbetreuung des Trägers wurde erinnert. Liegt Ihnen der Bericht bereits vor, erfassen Sie bitte seinen Eingang; planen Sie auf seiner Grundlage das weitere Hilfeplangespräch." },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Render_EveryRuleAndStage_SaysWhatTheRecipientIsToDo(string rule, NoticeKind kind, string sentence)
    {
        var mail = Renderer.Render(Realistic(rule, kind));

        mail.Text.ShouldContain(sentence);
        // The HTML part carries the same sentence (Handlebars escapes only markup characters, not umlauts).
        mail.Html.ShouldContain(sentence.Replace("„", "„", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("F01", NoticeKind.Reminder, "für die Hilfe mit dem Aktenzeichen 51.2-0815/25 ist eine Hilfeplanfortschreibung am 18.12.2026 geplant.")]
    [InlineData("F01", NoticeKind.Note, "Fehlt er kurz vor der Hilfeplanfortschreibung am 18.12.2026 noch, prüfen Sie bitte, ob der Termin verschoben werden muss.")]
    [InlineData("F03", NoticeKind.Overdue, "die Hilfeplankonkretisierung nach dem ersten Hilfeplangespräch am 09.10.2026 in der Hilfe mit dem Aktenzeichen 51.2-0815/25 war am 04.12.2026 fällig")]
    [InlineData("F05", NoticeKind.Reminder, "nach dem Hilfeplangespräch am 09.10.2026 in der Hilfe mit dem Aktenzeichen 51.2-0815/25 erhält der Träger innerhalb von 14 Tagen eine Kostenzusage.")]
    [InlineData("F07", NoticeKind.Escalation, "der Leistungsbericht von Jugendhilfe Nord gGmbH nach der Vereinbarung QEV-2024-03 war am 04.12.2026 fällig")]
    [InlineData("F08", NoticeKind.Reminder, "führt das Jugendamt mit dem Träger Jugendhilfe Nord gGmbH das Trägergespräch über diesen Bericht.")]
    [InlineData("F12", NoticeKind.Escalation, "das erweiterte Führungszeugnis von Karl Muster hätte bis zum 04.12.2026 erneuert sein müssen")]
    [InlineData("F13", NoticeKind.Reminder, "Erfasst sind für dieses Jahr 6 von 15,6 Stunden.")]
    [InlineData("F13", NoticeKind.Escalation, "das Fortbildungssoll von Anna Beispiel für das Kalenderjahr war am 04.12.2026 fällig und ist nicht erreicht: erfasst sind 6 von 15,6 Stunden.")]
    [InlineData("F14", NoticeKind.Reminder, "Erfasst sind für dieses Jahr 5,5 von 8 Sitzungen für Anna Beispiel.")]
    [InlineData("F14", NoticeKind.Note, "erfasst sind 5,5 von 8 Sitzungen. Stand 07.12.2026: seit 3 Tagen überfällig. Zuständig ist Karl Muster.")]
    [InlineData("F15", NoticeKind.Reminder, "Für die Hilfe mit dem Aktenzeichen 51.2-0815/25 sind in diesem Hilfejahr 1 von 2 Hausbesuchen erfasst.")]
    [InlineData("F16", NoticeKind.Overdue, "das Nachweisblatt für Oktober 2026 in der Hilfe mit dem Aktenzeichen 51.2-0815/25 war am 04.12.2026 fällig")]
    [InlineData("F18", NoticeKind.Reminder, "die Vereinbarung QEV-2024-03 mit Jugendhilfe Nord gGmbH nennt den 04.12.2026 als Termin")]
    public void Render_NamesSubjectNumbersAndMeetingDate(string rule, NoticeKind kind, string sentence) =>
        Renderer.Render(Realistic(rule, kind)).Text.ShouldContain(sentence);

    [Theory]
    [InlineData("F13", NoticeKind.Reminder, "Erinnerung: Fortbildung: 6 von 15,6 Stunden (fällig 04.12.2026)")]
    [InlineData("F13", NoticeKind.Escalation, "Eskalation: Fortbildung Anna Beispiel: 6 von 15,6 Stunden (fällig 04.12.2026)")]
    [InlineData("F15", NoticeKind.Overdue, "Frist überschritten: Hausbesuche zu 51.2-0815/25: 1 von 2 (fällig 04.12.2026)")]
    [InlineData("F16", NoticeKind.Due, "Heute fällig: Nachweisblatt Oktober 2026 zu 51.2-0815/25 (fällig 04.12.2026)")]
    [InlineData("F07", NoticeKind.Reminder, "Erinnerung: Leistungsbericht Jugendhilfe Nord gGmbH (fällig 04.12.2026)")]
    [InlineData("F08", NoticeKind.Overdue, "Frist überschritten: Trägergespräch mit Jugendhilfe Nord gGmbH (fällig 04.12.2026)")]
    public void Render_SubjectLineNamesSubjectAndNumbers(string rule, NoticeKind kind, string subject) =>
        Renderer.Render(Realistic(rule, kind)).Subject.ShouldBe(subject);

    public static TheoryData<string, NoticeKind> OwnMails()
    {
        var data = new TheoryData<string, NoticeKind>();
        foreach (var rule in SampleNotices.Rules)
        {
            foreach (var kind in new[] { NoticeKind.Reminder, NoticeKind.Due, NoticeKind.Overdue })
                data.Add(rule, kind);
        }

        return data;
    }

    /// <summary>Issue 10: "A mail to X never says 'zuständig ist X'; it says 'Sie'."</summary>
    [Theory]
    [MemberData(nameof(OwnMails))]
    public void Render_MailToThePersonWhoMustAct_SaysSieNotZustaendigIst(string rule, NoticeKind kind)
    {
        var mail = Renderer.Render(Realistic(rule, kind) with { To = new Recipient("P-1", "Karl Muster", "karl@example.org") });

        mail.Text.ShouldNotContain("Zuständig ist", Case.Insensitive);
        mail.Text.ShouldNotContain("zuständig für", Case.Insensitive);
        mail.Text.Split("\n\n").Skip(1).ShouldAllBe(p => !p.Contains("Karl Muster", StringComparison.Ordinal));
        mail.Text.ShouldContain("Sie ");
    }

    /// <summary>Issue 10: "Every mail says whom to contact when its data is wrong" (Notifications:DataContact).</summary>
    [Theory]
    [MemberData(nameof(Sentences))]
    public void Render_EveryMail_NamesTheDataContact(string rule, NoticeKind kind, string sentence)
    {
        _ = sentence;
        var mail = Renderer.Render(Realistic(rule, kind));

        mail.Text.ShouldContain("Stimmt in dieser Nachricht etwas nicht (Termin, Zuständigkeit, Erledigung oder Stammdaten), wenden Sie sich bitte an Support Fachverfahren, Tel. 0391 540-1234;");
        mail.Html.ShouldContain("wenden Sie sich bitte an Support Fachverfahren, Tel. 0391 540-1234;");
    }

    [Fact]
    public void Render_WithoutDataContact_NamesTheOfficeThatKeepsTheData()
    {
        var mail = new MailRenderer(new MailTemplates(), TimeProvider.System).Render(Realistic("F02", NoticeKind.Reminder));

        mail.Text.ShouldContain("wenden Sie sich bitte an die Stelle, die in Ihrer Organisation die Daten des Fachverfahrens pflegt;");
    }

    /// <summary>Issue 8's bundles: each item is a section rendered from its own rule's template, with the contact once.</summary>
    [Fact]
    public void Bundle_ItemsKeepTheirRuleTexts()
    {
        var to = new Recipient("P-1", "Petra Beispiel", "petra@example.org");
        var items = new[]
        {
            Realistic("F13", NoticeKind.Reminder) with { To = to, Day = new DateOnly(2026, 11, 23) },
            Realistic("F16", NoticeKind.Overdue) with { To = to, Day = new DateOnly(2026, 11, 23), Key = "F16/C-1/2026-11-20/overdue" },
        };
        var bundle = new BundleRenderer(new MailTemplates(dataContact: "Support Fachverfahren, Tel. 0391 540-1234"), TimeProvider.System)
            .Render("bundle/P-1/2026-11-23", to, new DateOnly(2026, 11, 23), items);

        bundle.Text.ShouldContain("F13 Fortbildung (1)");
        bundle.Text.ShouldContain("- Erinnerung: Fortbildung: 6 von 15,6 Stunden (fällig 04.12.2026)");
        bundle.Text.ShouldContain("Bitte bis zum 04.12.2026: die fehlenden Fortbildungsstunden besuchen und die Nachweise zur Erfassung weitergeben.");
        bundle.Text.ShouldContain("F16 Nachweisblatt (1)");
        bundle.Text.ShouldContain("das Nachweisblatt für Oktober 2026 in der Hilfe mit dem Aktenzeichen 51.2-0815/25 war am 04.12.2026 fällig");
        bundle.Text.Split("wenden Sie sich bitte an Support Fachverfahren").Length.ShouldBe(2);
        bundle.Text.ShouldNotContain("Zuständig ist");
    }
}
