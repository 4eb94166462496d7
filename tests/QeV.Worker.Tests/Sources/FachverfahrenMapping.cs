namespace QeV.Worker.Tests.Sources;

/// <summary>How a contract row is stored in the Fachverfahren's tables: German columns, numeric codes, timestamps.</summary>
public static class FachverfahrenMapping
{
    public sealed record Column(string Contract, string Name, Func<object?, object?> ToForeign);

    public sealed record ForeignTable(string Name, IReadOnlyList<Column> Columns);

    private static Column Same(string contract, string name) => new(contract, name, v => v);

    // A timestamp at a time of day: the view's date must not depend on it.
    private static Column Stamp(string contract, string name, int hour = 0) =>
        new(contract, name, v => v is DateOnly d ? d.ToDateTime(new TimeOnly(hour, 30 * (hour % 2))) : null);

    private static Column Code(string contract, string name, params (string Code, int Number)[] codes) =>
        new(contract, name, v => v is string s ? codes.Single(c => c.Code == s).Number : null);

    public static IReadOnlyDictionary<string, ForeignTable> Tables { get; } = new Dictionary<string, ForeignTable>
    {
        ["organisations"] = new("einrichtung",
        [
            Same("organisation_id", "einrichtung_nr"), Code("kind", "art_code", ("jugendamt", 1), ("traeger", 2)),
            Same("name", "bezeichnung"), Same("contact_email", "postfach"), Same("state", "land"),
        ]),
        ["teams"] = new("arbeitsgruppe",
        [
            Same("team_id", "gruppe_nr"), Same("organisation_id", "einrichtung_nr"), Same("name", "bezeichnung"),
            Same("lead_staff_id", "leitung_nr"), Same("deputy_lead_staff_id", "vertretung_nr"),
        ]),
        ["staff"] = new("person",
        [
            Same("staff_id", "person_nr"), Same("organisation_id", "einrichtung_nr"), Same("team_id", "gruppe_nr"),
            Same("display_name", "anzeigename"), Same("email", "mail"),
            Code("role", "rolle_code", ("fachkraft", 1), ("teamleitung", 2), ("personal", 3), ("leitung", 4)),
            new("active", "status_code", v => v is false ? (short)9 : (short)1), Same("deputy_staff_id", "vertretung_nr"),
            Stamp("absent_from", "abwesend_ab"), Stamp("absent_until", "abwesend_bis"), Stamp("employed_since", "eintritt", 8),
        ]),
        ["cases"] = new("hilfe",
        [
            Same("case_id", "hilfe_nr"), Same("file_reference", "aktenzeichen"),
            new("hilfeart", "paragraf", v => v is string s ? short.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null),
            Stamp("start_date", "beginn"), Stamp("end_date", "ende"), Same("case_manager_staff_id", "fallfuehrung_nr"),
            Same("provider_organisation_id", "traeger_nr"), Same("key_worker_staff_id", "bezugsbetreuung_nr"),
            new("clearing", "clearing_kz", v => v is true ? "J" : "N"),
        ]),
        ["meetings"] = new("hilfeplangespraech",
        [
            Same("meeting_id", "hpg_nr"), Same("case_id", "hilfe_nr"),
            Code("kind", "art_code", ("initial", 10), ("fortschreibung", 20), ("konkretisierung", 30)),
            Stamp("date", "termin", 23), Code("status", "status_code", ("planned", 1), ("held", 2), ("cancelled", 3)),
            Stamp("plan_sent_date", "plan_versandt_am", 14), Stamp("cost_approval_date", "kostenzusage_am", 9),
        ]),
        ["reports"] = new("eingang",
        [
            Same("report_id", "eingang_nr"),
            Code("kind", "dokument_code", ("entwicklungsbericht", 1), ("leistungsbericht", 2), ("leistungsbeschreibung", 3),
                ("abschlussbericht", 4), ("nachweisblatt", 5)),
            Same("organisation_id", "einrichtung_nr"), Same("case_id", "hilfe_nr"), Same("meeting_id", "hpg_nr"),
            Same("period", "zeitraum"), Stamp("received_date", "eingegangen_am", 11),
        ]),
        ["appointments"] = new("kontakt",
        [
            Same("appointment_id", "kontakt_nr"), Same("case_id", "hilfe_nr"), Stamp("date", "termin", 16),
            Code("outcome", "ergebnis_code", ("attended", 1), ("no_show", 2), ("cancelled_by_client_short_notice", 3),
                ("cancelled_by_client", 4), ("cancelled_by_provider", 5), ("planned", 6)),
        ]),
        ["fuehrungszeugnisse"] = new("fuehrungszeugnis",
        [
            Same("staff_id", "person_nr"), Stamp("issued_date", "ausgestellt_am"), Stamp("presented_date", "vorgelegt_am", 10),
        ]),
        ["agreements"] = new("vereinbarung",
        [
            Same("agreement_id", "vereinbarung_nr"), Same("provider_organisation_id", "traeger_nr"),
            Code("kind", "typ_code", ("qev", 1), ("leq", 2)), Stamp("concluded_date", "abgeschlossen_am"),
            Stamp("valid_until", "gueltig_bis"), Stamp("next_dialogue_date", "naechster_dialog", 13),
        ]),
        ["ag78_sessions"] = new("ag78_sitzung",
        [
            Same("session_id", "sitzung_nr"), Same("organisation_id", "jugendamt_nr"), Stamp("date", "sitzung_am", 15),
            Same("topic", "thema"),
        ]),
        ["trainings"] = new("qualifizierung",
        [
            Same("staff_id", "person_nr"), Stamp("date", "datum"), Code("kind", "form_code", ("fortbildung", 1), ("supervision", 2)),
            Same("minutes", "dauer_min"),
        ]),
        ["home_visits"] = new("hausbesuch",
        [
            Same("visit_id", "besuch_nr"), Same("case_id", "hilfe_nr"), Same("staff_id", "person_nr"), Stamp("date", "besuch_am", 12),
        ]),
        ["provider_dialogues"] = new("traegergespraech",
        [
            Same("dialogue_id", "gespraech_nr"), Same("provider_organisation_id", "traeger_nr"), Stamp("date", "gespraech_am", 10),
            Same("topic", "thema"),
        ]),
    };
}
