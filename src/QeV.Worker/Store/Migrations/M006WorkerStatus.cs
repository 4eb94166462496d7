namespace QeV.Worker.Store.Migrations;

/// <summary>
/// When the worker last scanned and dispatched, and since when delivery fails: read by `qev health` and the admin alert.
/// One row per name ("scan", "dispatch", "dispatch-failing", "dispatch-alert"), shared by all instances.
/// </summary>
internal static class M006WorkerStatus
{
    public static Migration Migration { get; } = new(6, "worker status", """
        CREATE TABLE IF NOT EXISTS worker_status (
            name {text} PRIMARY KEY,
            at {timestamp} NOT NULL,
            detail {text});
        """);
}
