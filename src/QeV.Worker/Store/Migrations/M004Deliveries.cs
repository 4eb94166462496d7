namespace QeV.Worker.Store.Migrations;

/// <summary>
/// Delivery state per recipient (a failing Cc never repeats the mail to the To recipient who already has it), and
/// ledger events such as a requeue. Notices planned before this step have no rows here: all their recipients are owed.
/// </summary>
internal static class M004Deliveries
{
    public static Migration Migration { get; } = new(4, "deliveries per recipient", """
        CREATE TABLE IF NOT EXISTS notice_deliveries (
            notice_key {text} NOT NULL,
            address {text} NOT NULL,
            state {text} NOT NULL,
            attempts {int} NOT NULL,
            last_error {text},
            updated_at {timestamp} NOT NULL,
            sent_at {timestamp},
            PRIMARY KEY (notice_key, address));

        CREATE TABLE IF NOT EXISTS notice_events (
            event_id {text} PRIMARY KEY,
            notice_key {text} NOT NULL,
            at {timestamp} NOT NULL,
            event {text} NOT NULL,
            detail {text});
        CREATE INDEX IF NOT EXISTS ix_notice_events_key ON notice_events (notice_key);
        """);
}
