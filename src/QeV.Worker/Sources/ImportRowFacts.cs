using QeV.Domain.Facts;
using QeV.Domain.Tables;

namespace QeV.Worker.Sources;

/// <summary>
/// Validated import rows as facts, the way the store's rows become facts after an import has written them: the same
/// typed values, so a mapped source and a CSV import of the same data give the same facts.
/// </summary>
public static class ImportRowFacts
{
    public static Organisation Organisation(ImportRow r) =>
        new(Id(r, "organisation_id"), Codes.Parse<OrganisationKind>(Id(r, "kind")), Id(r, "name"), r.Text("contact_email"), r.Text("state"));

    public static Team Team(ImportRow r) =>
        new(Id(r, "team_id"), Id(r, "organisation_id"), Id(r, "name"), r.Text("lead_staff_id"), r.Text("deputy_lead_staff_id"));

    public static Staff Staff(ImportRow r) => new(
        Id(r, "staff_id"), Id(r, "organisation_id"), r.Text("team_id"), Id(r, "display_name"), r.Text("email"),
        r.Text("role") is { } role ? Codes.Parse<StaffRole>(role) : null,
        Bool(r, "active", true), r.Text("deputy_staff_id"), r.Date("absent_from"), r.Date("absent_until"), r.Date("employed_since"));

    public static Case Case(ImportRow r) => new(
        Id(r, "case_id"), Id(r, "file_reference"), r.Text("hilfeart"), Day(r, "start_date"), r.Date("end_date"),
        Id(r, "case_manager_staff_id"), r.Text("provider_organisation_id"), r.Text("key_worker_staff_id"))
    {
        Clearing = Bool(r, "clearing", false),
    };

    public static CarePlanMeeting Meeting(ImportRow r) => new(
        Id(r, "meeting_id"), Id(r, "case_id"), Codes.Parse<MeetingKind>(Id(r, "kind")), Day(r, "date"),
        Codes.Parse<MeetingStatus>(Id(r, "status")), r.Date("plan_sent_date"), r.Date("cost_approval_date"));

    public static Report Report(ImportRow r) => new(
        Id(r, "report_id"), Codes.Parse<ReportKind>(Id(r, "kind")), Id(r, "organisation_id"), r.Text("case_id"), r.Text("meeting_id"),
        r.Text("period"), Day(r, "received_date"));

    public static Appointment Appointment(ImportRow r) =>
        new(Id(r, "appointment_id"), Id(r, "case_id"), Day(r, "date"), Codes.Parse<AppointmentOutcome>(Id(r, "outcome")));

    public static Fuehrungszeugnis Fuehrungszeugnis(ImportRow r) => new(Id(r, "staff_id"), Day(r, "issued_date"), r.Date("presented_date"));

    public static Agreement Agreement(ImportRow r) => new(
        Id(r, "agreement_id"), Id(r, "provider_organisation_id"), Codes.Parse<AgreementKind>(Id(r, "kind")), Day(r, "concluded_date"),
        r.Date("valid_until"), r.Date("next_dialogue_date"));

    public static Ag78Session Ag78Session(ImportRow r) => new(Id(r, "session_id"), Id(r, "organisation_id"), Day(r, "date"), r.Text("topic"));

    public static Training Training(ImportRow r) =>
        new(Id(r, "staff_id"), Day(r, "date"), Codes.Parse<TrainingKind>(Id(r, "kind")), (int)r.Values["minutes"]!);

    public static HomeVisit HomeVisit(ImportRow r) => new(Id(r, "visit_id"), Id(r, "case_id"), r.Text("staff_id"), Day(r, "date"));

    public static ProviderDialogue ProviderDialogue(ImportRow r) =>
        new(Id(r, "dialogue_id"), Id(r, "provider_organisation_id"), Day(r, "date"), r.Text("topic"));

    private static string Id(ImportRow r, string column) => r.Text(column) ?? throw new InvalidOperationException($"{column} fehlt");

    private static DateOnly Day(ImportRow r, string column) => r.Date(column) ?? throw new InvalidOperationException($"{column} fehlt");

    private static bool Bool(ImportRow r, string column, bool fallback) => r.Values.GetValueOrDefault(column) as bool? ?? fallback;
}
