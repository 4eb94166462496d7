using QeV.Domain.Facts;

namespace QeV.Domain.Tables;

/// <summary>The import files of CONTRACT.md, in the order they are written.</summary>
public static class ImportCatalog
{
    private static ColumnSpec Id(string name) => new(name, ColumnKind.Id, Required: true);

    private static ColumnSpec Ref(string name, string table, bool required = false) =>
        new(name, ColumnKind.Id, required) { References = table };

    private static ColumnSpec Code<TEnum>(string name, bool required = true) where TEnum : struct, Enum =>
        new(name, ColumnKind.Code, required) { AllowedCodes = Codes.All<TEnum>() };

    private static ColumnSpec Date(string name, bool required = false) => new(name, ColumnKind.Date, required);

    private static ColumnSpec Text(string name, bool required = false) => new(name, ColumnKind.Text, required);

    public static IReadOnlyList<TableSpec> Tables { get; } =
    [
        new("organisations", ["organisation_id"],
        [
            Id("organisation_id"), Code<OrganisationKind>("kind"), Text("name", true),
            new("contact_email", ColumnKind.Email), new("state", ColumnKind.State),
            new("active", ColumnKind.Bool) { DefaultValue = true },
        ]),
        new("teams", ["team_id"],
        [
            Id("team_id"), Ref("organisation_id", "organisations", true), Text("name", true),
            Ref("lead_staff_id", "staff"), Ref("deputy_lead_staff_id", "staff"),
        ]),
        new("staff", ["staff_id"],
        [
            Id("staff_id"), Ref("organisation_id", "organisations", true), Ref("team_id", "teams"),
            Text("display_name", true), new("email", ColumnKind.Email), Code<StaffRole>("role", false),
            new("active", ColumnKind.Bool) { DefaultValue = true }, Ref("deputy_staff_id", "staff"),
            Date("absent_from"), Date("absent_until"), Date("employed_since"),
        ]),
        new("cases", ["case_id"],
        [
            Id("case_id"), Text("file_reference", true),
            new("hilfeart", ColumnKind.Code) { AllowedCodes = ["29", "30", "31", "35", "41"] },
            Date("start_date", true), Date("end_date"), Ref("case_manager_staff_id", "staff", true),
            Ref("provider_organisation_id", "organisations"), Ref("key_worker_staff_id", "staff"),
            new("clearing", ColumnKind.Bool) { DefaultValue = false },
        ]),
        new("meetings", ["meeting_id"],
        [
            Id("meeting_id"), Ref("case_id", "cases", true), Code<MeetingKind>("kind"), Date("date", true),
            Code<MeetingStatus>("status"), Date("plan_sent_date"), Date("cost_approval_date"),
        ]),
        new("reports", ["report_id"],
        [
            Id("report_id"), Code<ReportKind>("kind"), Ref("organisation_id", "organisations", true),
            Ref("case_id", "cases"), Ref("meeting_id", "meetings"), Text("period"), Date("received_date", true),
        ]),
        new("appointments", ["appointment_id"],
        [
            Id("appointment_id"), Ref("case_id", "cases", true), Date("date", true), Code<AppointmentOutcome>("outcome"),
        ]),
        new("fuehrungszeugnisse", ["staff_id", "issued_date"],
        [
            Ref("staff_id", "staff", true), Date("issued_date", true), Date("presented_date"),
        ]),
        new("agreements", ["agreement_id"],
        [
            Id("agreement_id"), Ref("provider_organisation_id", "organisations", true), Code<AgreementKind>("kind"),
            Date("concluded_date", true), Date("valid_until"), Date("next_dialogue_date"),
            Text("qev_id"), Date("qev_date"), new("includes_qev", ColumnKind.Bool) { DefaultValue = false },
            new("invited_by", ColumnKind.Code) { AllowedCodes = ["jugendamt", "traeger"] },

            // M015: the Jugendamt this agreement is concluded with (seed 000 § 2 Nr. 1); empty: its provider's Jugendamt.
            Ref("jugendamt_organisation_id", "organisations") with { ReferencesKind = "jugendamt" },
        ]),
        new("ag78_sessions", ["session_id"],
        [
            Id("session_id"), Ref("organisation_id", "organisations", true), Date("date", true), Text("topic"),
        ]),
        new("trainings", ["staff_id", "date", "kind"],
        [
            Ref("staff_id", "staff", true), Date("date", true), Code<TrainingKind>("kind"),
            new("minutes", ColumnKind.Number, Required: true),
        ]),

        // Optional files added by the profiles issue (M003); a missing file means no rows.
        new("home_visits", ["visit_id"],
        [
            Id("visit_id"), Ref("case_id", "cases", true), Ref("staff_id", "staff"), Date("date", true),
        ]),
        new("provider_dialogues", ["dialogue_id"],
        [
            Id("dialogue_id"), Ref("provider_organisation_id", "organisations", true), Date("date", true), Text("topic"),
        ]),
    ];

    public static TableSpec Get(string table) => Tables.First(t => t.Table == table);
}
