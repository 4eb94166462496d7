namespace QeV.Worker.Store.Migrations;

/// <summary>
/// The deadlines a scan computed (issue 9), one row per deadline with the partition it came from; the fingerprint of each
/// partition's facts, so the next scan re-evaluates only what changed; and the state of the last scan.
/// </summary>
internal static class M008Deadlines
{
    public static Migration Migration { get; } = new(8, "deadlines table", """
        CREATE TABLE IF NOT EXISTS deadlines (
            scope {text} NOT NULL,
            partition_id {text} NOT NULL,
            rule {text} NOT NULL,
            seq {int} NOT NULL,
            name {text} NOT NULL,
            subject_type {text} NOT NULL,
            subject_id {text} NOT NULL,
            case_id {text},
            file_reference {text},
            due_date {date} NOT NULL,
            fulfilled {bool} NOT NULL,
            responsible_staff_id {text},
            escalation_staff_id {text},
            informed_staff_id {text},
            supervisor_staff_id {text},
            organisation_id {text},
            instance_key {text},
            PRIMARY KEY (scope, partition_id, rule, seq));
        CREATE INDEX IF NOT EXISTS ix_deadlines_open_due ON deadlines (fulfilled, due_date);

        CREATE TABLE IF NOT EXISTS deadline_partitions (
            scope {text} NOT NULL,
            partition_id {text} NOT NULL,
            fingerprint {text} NOT NULL,
            PRIMARY KEY (scope, partition_id));

        CREATE TABLE IF NOT EXISTS deadline_scans (
            scan_id {int} PRIMARY KEY,
            settings_fingerprint {text} NOT NULL,
            lookups_fingerprint {text} NOT NULL,
            as_of {date} NOT NULL,
            present_rules {text} NOT NULL,
            scanned_at {timestamp} NOT NULL);
        """);
}
