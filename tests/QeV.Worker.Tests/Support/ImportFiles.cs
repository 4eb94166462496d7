namespace QeV.Worker.Tests.Support;

/// <summary>
/// Import folders in the format of CONTRACT.md (file name → content): a minimal valid set that fills every table,
/// and a second run that changes some of those rows and adds new ones.
/// </summary>
public static class ImportFiles
{
    /// <summary>Joins lines with LF and ends the file with one, so line n of a file is element n-1.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    /// <summary>One cell as RFC 4180 wants it: quoted when it holds a comma, quote, line break or outer blanks.</summary>
    public static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    /// <summary>Every table of the contract with a few rows; references only point inside this set.</summary>
    public static Dictionary<string, string> Minimal() => new(StringComparer.Ordinal)
    {
        ["organisations.csv"] = Lines(
            "organisation_id,kind,name,contact_email,state",
            "JA-1,jugendamt,Jugendamt Magdeburg,jugendamt@magdeburg.example.de,ST",
            "TR-1,traeger,Kinder- und Jugendhilfe Sonnenschein e. V.,info@sonnenschein.example.de,ST"),
        ["teams.csv"] = Lines(
            "team_id,organisation_id,name,lead_staff_id,deputy_lead_staff_id",
            "T-1,TR-1,Team Nord,S-2,S-3"),
        ["staff.csv"] = Lines(
            "staff_id,organisation_id,team_id,display_name,email,role,active,deputy_staff_id,absent_from,absent_until,employed_since",
            "S-1,JA-1,,Anna Amt,anna.amt@magdeburg.example.de,fachkraft,true,,,,2020-01-01",
            "S-2,TR-1,T-1,Bernd Leiter,bernd@sonnenschein.example.de,teamleitung,true,S-3,,,2019-05-01",
            "S-3,TR-1,T-1,Clara Fach,clara@sonnenschein.example.de,fachkraft,true,,2026-03-02,2026-03-13,2021-02-01",
            "S-4,TR-1,,Dora Leitung,dora@sonnenschein.example.de,leitung,false,,,,2018-01-01"),
        ["cases.csv"] = Lines(
            "case_id,file_reference,hilfeart,start_date,end_date,case_manager_staff_id,provider_organisation_id,key_worker_staff_id",
            "C-1,51.2-0815/25,31,2025-01-15,,S-1,TR-1,S-3"),
        ["meetings.csv"] = Lines(
            "meeting_id,case_id,kind,date,status,plan_sent_date,cost_approval_date",
            "M-1,C-1,initial,2025-01-20,held,2025-02-03,2025-02-10",
            "M-2,C-1,fortschreibung,2026-07-20,planned,,"),
        ["reports.csv"] = Lines(
            "report_id,kind,organisation_id,case_id,meeting_id,period,received_date",
            "R-1,leistungsbericht,TR-1,,,2024/2025,2026-01-30"),
        ["appointments.csv"] = Lines(
            "appointment_id,case_id,date,outcome",
            "A-1,C-1,2026-05-04,attended",
            "A-2,C-1,2026-05-11,no_show"),
        ["fuehrungszeugnisse.csv"] = Lines(
            "staff_id,issued_date,presented_date",
            "S-3,2021-06-01,2021-06-15"),
        ["agreements.csv"] = Lines(
            "agreement_id,provider_organisation_id,kind,concluded_date,valid_until,next_dialogue_date",
            "AG-1,TR-1,qev,2024-01-01,2026-12-31,2026-09-30"),
        ["ag78_sessions.csv"] = Lines(
            "session_id,organisation_id,date,topic",
            "AG78-1,JA-1,2024-03-12,Standards der Hilfeplanung"),
        ["trainings.csv"] = Lines(
            "staff_id,date,kind,minutes",
            "S-3,2026-02-10,fortbildung,480"),
    };

    /// <summary>Rows per table after importing <see cref="Minimal"/> into an empty database.</summary>
    public static IReadOnlyDictionary<string, long> MinimalCounts { get; } = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["organisations"] = 2,
        ["teams"] = 1,
        ["staff"] = 4,
        ["cases"] = 1,
        ["meetings"] = 2,
        ["reports"] = 1,
        ["appointments"] = 2,
        ["fuehrungszeugnisse"] = 1,
        ["agreements"] = 1,
        ["ag78_sessions"] = 1,
        ["trainings"] = 1,
        ["home_visits"] = 0,
        ["provider_dialogues"] = 0,
    };

    /// <summary>
    /// A second run on top of <see cref="Minimal"/>: renames JA-1 and S-3, adds TR-2, S-5 and C-2, updates a
    /// Führungszeugnis and a training (composite keys) and adds one of each. Every reference points to a row of
    /// <see cref="Minimal"/>, so any one file can be swapped for a broken one without breaking the others.
    /// </summary>
    public static Dictionary<string, string> Changes() => new(StringComparer.Ordinal)
    {
        ["organisations.csv"] = Lines(
            "organisation_id,kind,name,contact_email,state",
            "JA-1,jugendamt,Jugendamt der Landeshauptstadt Magdeburg,jugendamt@magdeburg.example.de,ST",
            "TR-2,traeger,Familienhilfe am Dom gGmbH,,ST"),
        ["staff.csv"] = Lines(
            "staff_id,organisation_id,team_id,display_name,email,role,active,deputy_staff_id,absent_from,absent_until,employed_since",
            "S-3,TR-1,T-1,Clara Fach-Neumann,clara@sonnenschein.example.de,fachkraft,true,,,,2021-02-01",
            "S-5,TR-1,T-1,Emil Neu,emil@sonnenschein.example.de,fachkraft,true,,,,2026-01-01"),
        ["cases.csv"] = Lines(
            "case_id,file_reference,hilfeart,start_date,end_date,case_manager_staff_id,provider_organisation_id,key_worker_staff_id",
            "C-2,51.2-4711/26,30,2026-02-01,,S-1,TR-1,S-3"),
        ["fuehrungszeugnisse.csv"] = Lines(
            "staff_id,issued_date,presented_date",
            "S-3,2021-06-01,2021-06-20",
            "S-2,2025-12-01,2026-01-05"),
        ["trainings.csv"] = Lines(
            "staff_id,date,kind,minutes",
            "S-3,2026-02-10,fortbildung,240",
            "S-2,2026-02-11,supervision,90"),
    };
}
