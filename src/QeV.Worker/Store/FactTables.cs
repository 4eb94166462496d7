namespace QeV.Worker.Store;

/// <summary>Every table the scan reads facts from (the lookups, the partitions, the organisation-wide tables): M018's triggers sit on them.</summary>
public static class FactTables
{
    public static IReadOnlyList<string> All { get; } =
    [
        "organisations", "teams", "staff", "cases", "meetings", "reports", "appointments", "fuehrungszeugnisse",
        "agreements", "ag78_sessions", "trainings", "home_visits", "provider_dialogues",
    ];

    /// <summary>
    /// The tables whose rows belong to one partition (M019's triggers record its key in <c>fact_partition_changes</c>).
    /// Not here: the lookups (organisations, teams, staff), which the scan reads whole and compares by fingerprint, and the
    /// organisation-wide tables, which it always reads. <c>notices</c> is here for F06: a delivered immediate notice is a
    /// fact of its case.
    /// </summary>
    public static IReadOnlyList<PartitionKeyedTable> Keyed { get; } =
    [
        new("cases", PartitionKeyedTable.Case, "{r}.case_id"),
        new("meetings", PartitionKeyedTable.Case, "{r}.case_id"),
        // A report tied to a meeting but not to a case belongs to the meeting's case (PartitionReader does the same).
        new("reports", PartitionKeyedTable.Case, "COALESCE({r}.case_id, (SELECT m.case_id FROM meetings m WHERE m.meeting_id = {r}.meeting_id))"),
        new("appointments", PartitionKeyedTable.Case, "{r}.case_id"),
        new("home_visits", PartitionKeyedTable.Case, "{r}.case_id"),
        new("fuehrungszeugnisse", PartitionKeyedTable.Staff, "{r}.staff_id"),
        new("trainings", PartitionKeyedTable.Staff, "{r}.staff_id"),
        new("notices", PartitionKeyedTable.Case, "CASE WHEN {r}.state = 'sent' THEN {r}.subject_id END")
        {
            When = "{r}.kind = 'notice'",
            Counts = true,
        },
    ];

    /// <summary>The keyed tables that are fact tables: what a bulk write of facts suspends (<see cref="BulkFactWrite"/>).</summary>
    public static IReadOnlyList<PartitionKeyedTable> KeyedFacts { get; } = [.. Keyed.Where(t => All.Contains(t.Table))];
}
