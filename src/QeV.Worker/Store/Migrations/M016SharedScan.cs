namespace QeV.Worker.Store.Migrations;

/// <summary>
/// Several instances share a scan on PostgreSQL (issue 9): one row per scan generation (its day, what it decided once
/// for all instances: full or day changed, and its state) and its partition ranges, which instances claim with a lease
/// (<c>claimed_until</c>), evaluate in a transaction each and mark done with what they counted; who plans the finished
/// generation's notices (<c>planner</c>, with a lease, and <c>planned_at</c> once they are in the ledger). SQLite and SQL Server
/// have the tables and leave them empty.
/// </summary>
internal static class M016SharedScan
{
    public static Migration Migration { get; } = new(16, "shared scan ranges", """
        CREATE TABLE IF NOT EXISTS scan_generations (
            generation_id {text} PRIMARY KEY,
            as_of {date} NOT NULL,
            settings_fingerprint {text} NOT NULL,
            lookups_fingerprint {text} NOT NULL,
            planning_fingerprint {text} NOT NULL,
            full_refresh {bool} NOT NULL,
            day_changed {bool} NOT NULL,
            planned {bool} NOT NULL,
            state {text} NOT NULL,
            started_at {timestamp} NOT NULL,
            finished_at {timestamp},
            written {int},
            present_rules {text},
            failures {text},
            planner {text},
            planning_until {timestamp},
            planned_at {timestamp});
        CREATE INDEX IF NOT EXISTS ix_scan_generations_state ON scan_generations (state);

        CREATE TABLE IF NOT EXISTS scan_ranges (
            generation_id {text} NOT NULL,
            range_no {int} NOT NULL,
            scope {text} NOT NULL,
            after_key {text},
            last_key {text},
            state {text} NOT NULL,
            claimed_by {text},
            claimed_until {timestamp},
            done_by {text},
            partitions {int},
            evaluated {int},
            day_only {int},
            removed {int},
            written {int},
            present_rules {text},
            lookups_fingerprint {text},
            changed {text},
            failures {text},
            PRIMARY KEY (generation_id, range_no));
        """);
}
