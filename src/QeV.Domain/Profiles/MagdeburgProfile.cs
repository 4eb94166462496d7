using static QeV.Domain.Profiles.ProfileRule;

namespace QeV.Domain.Profiles;

/// <summary>
/// Profile „magdeburg“ (seed 000): the QEV for ambulante Hilfen zur Erziehung of the Landeshauptstadt Magdeburg with
/// its annex „Qualitätsstandards“. The default; every other built-in profile is derived from it.
/// </summary>
internal static class MagdeburgProfile
{
    public const string Name = "magdeburg";

    private const string Anlage = "QEV Magdeburg, Anlage „Qualitätsstandards“";

    public static RuleProfile Create()
    {
        var profile = new RuleProfile
        {
            Name = Name,
            Title = "Qualitätsentwicklungsvereinbarung ambulante Hilfen zur Erziehung, Landeshauptstadt Magdeburg",
            Source = "QEV Magdeburg gemäß § 78b Abs. 1 (3) SGB VIII mit Anlage „Qualitätsstandards ambulanter Erziehungshilfen“",
            DefaultState = "ST",
        };
        var rules = profile.Rules;

        rules["F01"] = Of("Entwicklungsbericht", "Entwicklungsbericht vor jeder Hilfeplanfortschreibung",
            $"{Anlage}, Hilfeplanverfahren: „In Vorbereitung der Hilfeplanfortschreibung erhält die fallführende Fachkraft zwei Wochen vorab einen Entwicklungsbericht“; „Die Hilfeplanfortschreibung kann nur nach Vorlage eines Entwicklungsberichtes erfolgen.“",
            Stages(["10bd", "3bd"], onDueDay: true, repeatOverdue: "1w"),
            ("Before", "14d"), ("Reports", "entwicklungsbericht"));
        rules["F02"] = Of("Hilfeplanfortschreibung", "Hilfeplanfortschreibung (halbjährlich)",
            $"{Anlage}, Hilfeplanverfahren: „Die Hilfeplanfortschreibung erfolgt halbjährlich, erstmals 6 Monate nach Hilfebeginn. Bei veränderten Lebensumständen bzw. in Krisensituationen kann vor Ablauf der 6 Monate eine Hilfeplanfortschreibung erfolgen.“",
            Stages(["4w", "1w"], repeatOverdue: "1w"),
            ("First", "6m"), ("Interval", "6m"), ("CountFrom", "hilfebeginn"));
        rules["F03"] = Of("Hilfeplankonkretisierung", "Hilfeplankonkretisierung nach dem ersten Hilfeplangespräch",
            $"{Anlage}, Hilfeplanverfahren: „Die Hilfeplankonkretisierung findet mit allen Beteiligten spätestens 6-8 Wochen nach dem Hilfeplangespräch statt.“",
            Stages(["2w", "3bd"], repeatOverdue: "1w"),
            ("WindowFrom", "6w"), ("Within", "8w"));
        rules["F04"] = Of("Hilfeplan an alle Beteiligten", "vollständiger, unterzeichneter Hilfeplan bzw. Fortschreibung an alle Beteiligten",
            $"{Anlage}, Hilfeplanverfahren: „Der vollständige und unterzeichnete Hilfeplan wird allen Beteiligten innerhalb von 14 Tagen zur Verfügung gestellt.“; ebenso „Die vollständige und unterzeichnete Hilfeplanfortschreibung …“",
            Stages(["3bd"], onDueDay: true, repeatOverdue: "1w"),
            ("Within", "14d"), ("Meetings", "initial,fortschreibung"));
        rules["F05"] = Of("Kostenzusage", "Kostenzusage des Jugendamts an den Träger",
            $"{Anlage}, Hilfeplanverfahren: „Der Träger/ Leistungsanbieter erhält im Zeitraum von 14 Tagen eine Kostenzusage durch das Jugendamt.“",
            Stages(["3bd"], onDueDay: true, repeatOverdue: "1w"),
            ("Within", "14d"), ("Meetings", "initial"));
        rules["F06"] = Of("Drei Termine ohne Mitwirkung", "Benachrichtigung nach drei aufeinanderfolgenden Terminen ohne Mitwirkung",
            $"{Anlage}, Abrechnung: „Erfolgt seitens der Hilfeempfänger*innen an drei aufeinander folgenden Terminen keine Mitwirkung, so ist unverzüglich die fallführende Fachkraft zu benachrichtigen.“",
            new() { Immediate = true },
            ("RunLength", "3"));
        rules["F07"] = Of("Leistungsbericht", "Leistungsbericht des Trägers",
            "§ 4 Nr. 1.4: „Der Leistungsbericht wird alle 2 Jahre nach Abschluss der Qualitätsentwicklungsvereinbarung durch den Träger/ Leistungsanbieter zur Verfügung gestellt.“; Anlage: „im Abstand von 2 Jahren“",
            Stages(["8w", "2w"], escalateAfter: "1d", repeatOverdue: "1m"),
            ("Interval", "2y"), ("NotBefore", ""));
        rules["F08"] = Of("Trägergespräch", "Trägergespräch nach dem Leistungsbericht",
            $"{Anlage}, Ergebnisqualität: „Zur Reflexion und Steuerung des Leistungsangebotes erfolgt in regelmäßigen Abständen, spätestens jedoch 12 Wochen nach Einreichen des Leistungsberichtes, ein Trägergespräch.“",
            Stages(["4w", "1w"], escalateAfter: "1d", repeatOverdue: "1m"),
            ("Within", "12w"));
        rules["F09"] = Of("Überprüfung der Standards in der AG § 78", "Überprüfung der fachlichen Standards in der AG § 78",
            "§ 4 Nr. 1.5: „… um alle 3 Jahre die fachlichen Standards zu reflektieren und ggf. weiterzuentwickeln“; Anlage: „im Abstand von 3 Jahren“",
            Stages(["6m", "2m"], escalateAfter: "1d", repeatOverdue: "1m"),
            ("Interval", "3y"));
        rules["F10"] = Of("Fortschreibung der QEV", "Fortschreibung der Qualitätsentwicklungsvereinbarung in der AG § 78",
            "§ 5 Nr. 1: „Das Jugendamt vereinbart gemeinsam mit den Trägern/ Leistungsanbietern im Rahmen der AG § 78 SGB VIII die Fortschreibung der vorliegenden Qualitätsentwicklungsvereinbarung nach spätestens 3 Jahren.“",
            Stages(["6m", "2m"], escalateAfter: "1d", repeatOverdue: "1m"),
            ("Within", "3y"));
        rules["F11"] = Of("Überprüfung der Leistungsbeschreibung", "Überprüfung und ggf. Fortschreibung der Leistungsbeschreibung des Trägers",
            $"{Anlage}, Leistungsbeschreibung: „Dem Jugendamt liegt eine aktuelle Leistungsbeschreibung … vor. Die Träger/ Leistungsanbieter überprüfen diese in einem Zeitraum von drei Jahren gemäß gültiger Mindeststandards und schreiben bei Änderungen fort.“",
            Stages(["3m", "4w"], escalateAfter: "1d", repeatOverdue: "1m"),
            ("Interval", "3y"));
        rules["F12"] = Of("Erweitertes Führungszeugnis", "Erweitertes Führungszeugnis jeder Person eines Trägers",
            $"{Anlage}, Personelle Ausstattung: „Für jede Fachkraft/ jede*n Mitarbeiter*in liegt ein erweitertes Führungszeugnis vor. Die Aktualisierung … wird regelmäßig (alle 5 Jahre) vorgenommen“",
            new() { Reminders = ["90d", "30d"], OnDueDay = true, EscalateAfter = "1d", RepeatOverdue = "1w", CcEscalationOnLastReminder = true },
            ("Validity", "5y"));
        rules["F13"] = Of("Fortbildung", "Fortbildung jeder Fachkraft des Trägers",
            $"{Anlage}, Fortbildung/Supervision: „Jede Fachkraft/ jede*r Mitarbeiter*in … absolviert fachliche Fortbildungen im Umfang von mindestens 15,6 Arbeitsstunden pro Jahr.“",
            Stages(["2m"], onDueDay: true),
            ("Hours", "15.6"), ("PaceCheck", "10-01"), ("PaceShare", "0.5"));
        rules["F14"] = Of("Supervision", "externe Supervision jeder Fachkraft des Trägers",
            $"{Anlage}, Fortbildung/Supervision: „Innerhalb eines Jahres erhalten die Fachkräfte/ Mitarbeiter mindestens 8 Supervisionen in einem zeitlichen Umfang von jeweils 120 Min. (Hinweis: lt. Empfehlung AFET 10 Supervisionen jährlich)“",
            Stages(["2m"], onDueDay: true),
            ("Sessions", "8"), ("SessionMinutes", "120"), ("PaceCheck", "10-01"), ("PaceShare", "0.5"));
        rules["F15"] = Of("Hausbesuche der fallführenden Fachkraft", "direkte Kontakte der fallführenden Fachkraft im Haushalt",
            $"{Anlage}, Fallbegleitung: „… sind in der Zeit der Hilfegewährung durch die fallführende Fachkraft 2 bis 3 direkte Kontakte jährlich im Haushalt der Hilfeempfänger*innen … verpflichtend umzusetzen.“",
            Stages(["2m"]),
            ("Visits", "2"));
        rules["F16"] = Of("Nachweisblatt", "monatliches Nachweisblatt (von den Klient*innen unterschrieben) an die fallführende Fachkraft",
            $"{Anlage}, Abrechnung: „Die monatlich erbrachten Leistungen werden durch die Unterschrift der Klient*innen belegt (Nachweisblatt) und ebenfalls monatlich der fallführenden Fachkraft zur Prüfung zur Verfügung gestellt.“",
            Stages(["5bd"], repeatOverdue: "2w"),
            ("Within", "1m"), ("LookBack", "12m"));
        rules["F17"] = Of("Gleichwertige Vertretung bei längerem Ausfall", "gleichwertige Fachkraft bei Ausfall der Bezugsbetreuung über 6 Wochen",
            $"{Anlage}, Personelle Ausstattung: „Bei längerfristigem Ausfall (über 6 Wochen) wird eine fachlich gleichwertige Fachkraft durch den Träger/ Leistungsanbieter in Absprache mit der fallführenden Fachkraft sowie den Leistungsberechtigten sichergestellt.“",
            Stages(["1w"], onDueDay: true, repeatOverdue: "1w"),
            ("After", "6w"));

        // Not part of the Magdeburg text: F18 is the NRW template's, F19 Bad Dürkheim's; their profiles switch them on.
        rules["F18"] = Of("Fortsetzung des Qualitätsdialogs", "nächster Qualitätsdialog und Ende des Vereinbarungszeitraums",
            "Vorlage QE-Vereinbarung NRW: „Vereinbarungszeitraum: … (Datum von – bis)“; „Der Qualitätsdialog wird fortgesetzt am …“",
            Stages(["8w", "2w"], onDueDay: true, repeatOverdue: "1m"),
            ("Dates", "next_dialogue_date,valid_until"));
        rules["F18"].Enabled = false;
        rules["F18"].Stages.Enabled = false;
        rules["F19"] = Of("Clearingbericht", "Clearingbericht am Ende des Clearings",
            "Kreisjugendamt Bad Dürkheim, Kap. 1.7: „Dieses umfasst in der Regel einen Zeitraum von drei Monaten“; Kap. 2.1: „standardisierte Clearingberichte … unter Einhaltung bestimmter, festgelegter Fristen“",
            Stages(["2w", "3bd"], onDueDay: true, repeatOverdue: "1w"),
            ("Duration", "3m"));
        rules["F19"].Enabled = false;
        rules["F19"].Stages.Enabled = false;
        return profile;
    }
}
