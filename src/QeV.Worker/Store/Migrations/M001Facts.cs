namespace QeV.Worker.Store.Migrations;

/// <summary>The fact tables of CONTRACT.md, one per import file.</summary>
internal static class M001Facts
{
    public static Migration Migration { get; } = new(1, "fact tables", """
        CREATE TABLE IF NOT EXISTS organisations (
            organisation_id {text} PRIMARY KEY,
            kind {text} NOT NULL,
            name {text} NOT NULL,
            contact_email {text},
            state {text});

        CREATE TABLE IF NOT EXISTS teams (
            team_id {text} PRIMARY KEY,
            organisation_id {text} NOT NULL,
            name {text} NOT NULL,
            lead_staff_id {text},
            deputy_lead_staff_id {text});

        CREATE TABLE IF NOT EXISTS staff (
            staff_id {text} PRIMARY KEY,
            organisation_id {text} NOT NULL,
            team_id {text},
            display_name {text} NOT NULL,
            email {text},
            role {text},
            active {bool} NOT NULL,
            deputy_staff_id {text},
            absent_from {date},
            absent_until {date},
            employed_since {date});
        CREATE INDEX IF NOT EXISTS ix_staff_organisation ON staff (organisation_id);
        CREATE INDEX IF NOT EXISTS ix_staff_team ON staff (team_id);

        CREATE TABLE IF NOT EXISTS cases (
            case_id {text} PRIMARY KEY,
            file_reference {text} NOT NULL,
            hilfeart {text},
            start_date {date} NOT NULL,
            end_date {date},
            case_manager_staff_id {text} NOT NULL,
            provider_organisation_id {text},
            key_worker_staff_id {text});
        CREATE INDEX IF NOT EXISTS ix_cases_key_worker ON cases (key_worker_staff_id);
        CREATE INDEX IF NOT EXISTS ix_cases_case_manager ON cases (case_manager_staff_id);

        CREATE TABLE IF NOT EXISTS meetings (
            meeting_id {text} PRIMARY KEY,
            case_id {text} NOT NULL,
            kind {text} NOT NULL,
            date {date} NOT NULL,
            status {text} NOT NULL,
            plan_sent_date {date},
            cost_approval_date {date});
        CREATE INDEX IF NOT EXISTS ix_meetings_case_date ON meetings (case_id, date);

        CREATE TABLE IF NOT EXISTS reports (
            report_id {text} PRIMARY KEY,
            kind {text} NOT NULL,
            organisation_id {text} NOT NULL,
            case_id {text},
            meeting_id {text},
            period {text},
            received_date {date} NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_reports_case ON reports (case_id, kind);
        CREATE INDEX IF NOT EXISTS ix_reports_meeting ON reports (meeting_id);
        CREATE INDEX IF NOT EXISTS ix_reports_organisation ON reports (organisation_id, kind);

        CREATE TABLE IF NOT EXISTS appointments (
            appointment_id {text} PRIMARY KEY,
            case_id {text} NOT NULL,
            date {date} NOT NULL,
            outcome {text} NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_appointments_case_date ON appointments (case_id, date);

        CREATE TABLE IF NOT EXISTS fuehrungszeugnisse (
            staff_id {text} NOT NULL,
            issued_date {date} NOT NULL,
            presented_date {date},
            PRIMARY KEY (staff_id, issued_date));

        CREATE TABLE IF NOT EXISTS agreements (
            agreement_id {text} PRIMARY KEY,
            provider_organisation_id {text} NOT NULL,
            kind {text} NOT NULL,
            concluded_date {date} NOT NULL,
            valid_until {date},
            next_dialogue_date {date});
        CREATE INDEX IF NOT EXISTS ix_agreements_provider ON agreements (provider_organisation_id);

        CREATE TABLE IF NOT EXISTS ag78_sessions (
            session_id {text} PRIMARY KEY,
            organisation_id {text} NOT NULL,
            date {date} NOT NULL,
            topic {text});
        CREATE INDEX IF NOT EXISTS ix_ag78_sessions_organisation ON ag78_sessions (organisation_id, date);

        CREATE TABLE IF NOT EXISTS trainings (
            staff_id {text} NOT NULL,
            date {date} NOT NULL,
            kind {text} NOT NULL,
            minutes {int} NOT NULL,
            PRIMARY KEY (staff_id, date, kind));
        """);
}
