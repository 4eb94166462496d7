namespace QeV.Worker.Store.Migrations;

/// <summary>The notice ledger (outbox) and the data problems found while routing.</summary>
internal static class M002Ledger
{
    public static Migration Migration { get; } = new(2, "notice ledger", """
        CREATE TABLE IF NOT EXISTS notices (
            notice_key {text} PRIMARY KEY,
            kind {text} NOT NULL,
            rule {text},
            subject_id {text},
            case_id {text},
            due_date {date},
            stage {text} NOT NULL,
            recipient_staff_id {text},
            to_staff_id {text},
            to_address {text} NOT NULL,
            planned_for {date} NOT NULL,
            urgent {bool} NOT NULL,
            content {text} NOT NULL,
            state {text} NOT NULL,
            attempts {int} NOT NULL,
            next_attempt_at {timestamp} NOT NULL,
            claimed_by {text},
            claimed_until {timestamp},
            last_error {text},
            created_at {timestamp} NOT NULL,
            sent_at {timestamp});
        CREATE INDEX IF NOT EXISTS ix_notices_dispatch ON notices (state, next_attempt_at);
        CREATE INDEX IF NOT EXISTS ix_notices_case ON notices (case_id);
        CREATE INDEX IF NOT EXISTS ix_notices_recipient ON notices (recipient_staff_id);
        CREATE INDEX IF NOT EXISTS ix_notices_to_staff ON notices (to_staff_id);

        CREATE TABLE IF NOT EXISTS data_problems (
            problem_key {text} PRIMARY KEY,
            staff_id {text} NOT NULL,
            team_lead_staff_id {text},
            problem {text} NOT NULL,
            context {text} NOT NULL,
            first_seen {date} NOT NULL,
            last_seen {date} NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_data_problems_seen ON data_problems (last_seen);
        """);
}
