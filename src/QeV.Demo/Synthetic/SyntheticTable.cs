namespace QeV.Demo.Synthetic;

/// <summary>Type of a generated column, as the bulk writer must hand it to the engine.</summary>
public enum SyntheticType { Text, Date, Bool, Number }

/// <summary>One fact table as the generator fills it: the name in the schema and its columns in row order.</summary>
public sealed record SyntheticTable(string Name, IReadOnlyList<(string Column, SyntheticType Type)> Columns)
{
    private const SyntheticType T = SyntheticType.Text;
    private const SyntheticType D = SyntheticType.Date;

    public static SyntheticTable Organisations { get; } = new("organisations", [("organisation_id", T), ("kind", T), ("name", T), ("contact_email", T), ("state", T)]);
    public static SyntheticTable Teams { get; } = new("teams", [("team_id", T), ("organisation_id", T), ("name", T), ("lead_staff_id", T), ("deputy_lead_staff_id", T)]);
    public static SyntheticTable Staff { get; } = new("staff",
        [("staff_id", T), ("organisation_id", T), ("team_id", T), ("display_name", T), ("email", T), ("role", T), ("active", SyntheticType.Bool),
         ("deputy_staff_id", T), ("absent_from", D), ("absent_until", D), ("employed_since", D)]);
    public static SyntheticTable Cases { get; } = new("cases",
        [("case_id", T), ("file_reference", T), ("hilfeart", T), ("start_date", D), ("end_date", D), ("case_manager_staff_id", T),
         ("provider_organisation_id", T), ("key_worker_staff_id", T), ("clearing", SyntheticType.Bool)]);
    public static SyntheticTable Meetings { get; } = new("meetings",
        [("meeting_id", T), ("case_id", T), ("kind", T), ("date", D), ("status", T), ("plan_sent_date", D), ("cost_approval_date", D)]);
    public static SyntheticTable Reports { get; } = new("reports",
        [("report_id", T), ("kind", T), ("organisation_id", T), ("case_id", T), ("meeting_id", T), ("period", T), ("received_date", D)]);
    public static SyntheticTable Appointments { get; } = new("appointments", [("appointment_id", T), ("case_id", T), ("date", D), ("outcome", T)]);
    public static SyntheticTable Fuehrungszeugnisse { get; } = new("fuehrungszeugnisse", [("staff_id", T), ("issued_date", D), ("presented_date", D)]);
    public static SyntheticTable Agreements { get; } = new("agreements",
        [("agreement_id", T), ("provider_organisation_id", T), ("kind", T), ("concluded_date", D), ("valid_until", D), ("next_dialogue_date", D)]);
    public static SyntheticTable Ag78Sessions { get; } = new("ag78_sessions", [("session_id", T), ("organisation_id", T), ("date", D), ("topic", T)]);
    public static SyntheticTable Trainings { get; } = new("trainings", [("staff_id", T), ("date", D), ("kind", T), ("minutes", SyntheticType.Number)]);
    public static SyntheticTable HomeVisits { get; } = new("home_visits", [("visit_id", T), ("case_id", T), ("staff_id", T), ("date", D)]);
    public static SyntheticTable ProviderDialogues { get; } = new("provider_dialogues", [("dialogue_id", T), ("provider_organisation_id", T), ("date", D), ("topic", T)]);

    /// <summary>Every table, parents before children.</summary>
    public static IReadOnlyList<SyntheticTable> All { get; } =
        [Organisations, Teams, Staff, Cases, Meetings, Reports, Appointments, Fuehrungszeugnisse, Agreements, Ag78Sessions, Trainings, HomeVisits, ProviderDialogues];
}
