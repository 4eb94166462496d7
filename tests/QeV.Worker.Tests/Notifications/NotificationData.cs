using System.Globalization;
using static QeV.Worker.Tests.Support.ImportFiles;

namespace QeV.Worker.Tests.Notifications;

/// <summary>
/// Import files for the notification tests. Every address lies in a domain of the test's own, so tests sharing one
/// SMTP sink read and script only their own mail. On <see cref="Day"/> (Friday 05.06.2026) each case owes the
/// 3-business-day F01 reminder to its key worker (Fortschreibung on 24.06., report due Wednesday 10.06.).
/// </summary>
internal static class NotificationData
{
    public static readonly DateOnly Day = new(2026, 6, 5);

    /// <summary>"t3f9c0a1b2.example.de": a recipient domain no other test uses.</summary>
    public static string NewDomain() => "t" + Guid.NewGuid().ToString("N")[..10] + ".example.de";

    /// <summary>The F01 reminder of case C-<paramref name="n"/> owed on <see cref="Day"/> to key worker S-3.</summary>
    public static string ReminderKey(int n = 1, string keyWorker = "S-3") =>
        string.Create(CultureInfo.InvariantCulture, $"F01/M-{n}/2026-06-10/reminder-3bd/reminder/{keyWorker}");

    /// <summary>F06 of case C-1 (no-shows on 22.05., 29.05. and 05.06.2026), to case manager S-1.</summary>
    public const string MissedAppointmentsKey = "F06/C-1/2026-06-05/notice/notice/S-1";

    /// <summary>
    /// Jugendamt JA-1 (case manager S-1 "cm@", team lead S-10), provider TR-1 with team T-1 (lead S-2 "lead@",
    /// deputy lead S-4 "deputy@") and key worker S-3 "kw@"; cases C-1…C-<paramref name="cases"/> with one planned
    /// Fortschreibung each. <paramref name="inactiveKeyWorker"/> adds S-5 "gone@" (inactive, deputy S-4) as key worker
    /// of case C-9 with the same meeting date.
    /// </summary>
    public static Dictionary<string, string> Files(string domain, int cases = 1, bool missedAppointments = false, bool inactiveKeyWorker = false)
    {
        var staff = new List<string>
        {
            "staff_id,organisation_id,team_id,display_name,email,role,active,deputy_staff_id,absent_from,absent_until,employed_since",
            $"S-1,JA-1,T-JA,Anna Amt,cm@{domain},fachkraft,true,,,,2020-01-01",
            $"S-10,JA-1,T-JA,Jana Leiterin,ja-lead@{domain},teamleitung,true,,,,2018-01-01",
            $"S-2,TR-1,T-1,Bernd Leiter,lead@{domain},teamleitung,true,,,,2019-05-01",
            $"S-3,TR-1,T-1,Clara Fach,kw@{domain},fachkraft,true,,,,2021-02-01",
            $"S-4,TR-1,T-1,Dieter Vertreter,deputy@{domain},fachkraft,true,,,,2021-02-01",
        };
        var caseRows = new List<string>
        {
            "case_id,file_reference,hilfeart,start_date,end_date,case_manager_staff_id,provider_organisation_id,key_worker_staff_id",
        };
        var meetings = new List<string> { "meeting_id,case_id,kind,date,status,plan_sent_date,cost_approval_date" };
        for (var n = 1; n <= cases; n++)
        {
            caseRows.Add(string.Create(CultureInfo.InvariantCulture, $"C-{n},51.2-{1000 + n}/26,31,2025-01-15,,S-1,TR-1,S-3"));
            meetings.Add(string.Create(CultureInfo.InvariantCulture, $"M-{n},C-{n},fortschreibung,2026-06-24,planned,,"));
        }

        if (inactiveKeyWorker)
        {
            staff.Add($"S-5,TR-1,T-1,Emil Weg,gone@{domain},fachkraft,false,S-4,,,2020-01-01");
            caseRows.Add("C-9,51.2-0999/26,31,2025-01-15,,S-1,TR-1,S-5");
            meetings.Add("M-9,C-9,fortschreibung,2026-06-24,planned,,");
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["organisations.csv"] = Lines(
                "organisation_id,kind,name,contact_email,state",
                "JA-1,jugendamt,Jugendamt Magdeburg,,ST",
                "TR-1,traeger,Kinder- und Jugendhilfe Sonnenschein e. V.,,ST"),
            ["teams.csv"] = Lines(
                "team_id,organisation_id,name,lead_staff_id,deputy_lead_staff_id",
                "T-1,TR-1,Team Nord,S-2,S-4",
                "T-JA,JA-1,ASD Mitte,S-10,"),
            ["staff.csv"] = Lines([.. staff]),
            ["cases.csv"] = Lines([.. caseRows]),
            ["meetings.csv"] = Lines([.. meetings]),
            ["fuehrungszeugnisse.csv"] = Lines(
                "staff_id,issued_date,presented_date",
                "S-2,2024-01-10,2024-01-15",
                "S-3,2024-01-10,2024-01-15",
                "S-4,2024-01-10,2024-01-15"),
        };
        if (missedAppointments)
        {
            files["appointments.csv"] = Lines(
                "appointment_id,case_id,date,outcome",
                "A-1,C-1,2026-05-22,no_show",
                "A-2,C-1,2026-05-29,cancelled_by_client_short_notice",
                "A-3,C-1,2026-06-05,no_show");
        }

        return files;
    }
}
