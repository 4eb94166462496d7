namespace QeV.Worker.Store.Migrations;

/// <summary>
/// Work that grows with what changed (issue 9, "a scan after 1 % changed"): <c>fact_partition_changes</c> holds the
/// key of every partition whose facts changed since the last scan, with the <c>fact_changes</c> counter of the change,
/// written by triggers on the partitions' tables (<see cref="ISqlDialect.PartitionKeyTriggers"/>, <see cref="FactTables.Keyed"/>).
/// A scan on the same day with the same settings and lookups reads only those partitions, then deletes the keys it
/// judged. The marker row (<see cref="PartitionKeyedTable.Unkeyed"/>) says that something changed without keys (a bulk
/// write, a TRUNCATE, or the facts before this migration): the next scan reads every partition.
/// </summary>
internal static class M019PartitionChanges
{
    public static Migration Migration { get; } = new(19, "changed partitions", """
        CREATE TABLE IF NOT EXISTS fact_partition_changes (
            scope {text} NOT NULL,
            partition_id {text} NOT NULL,
            change_id {int} NOT NULL,
            PRIMARY KEY (scope, partition_id));
        INSERT INTO fact_partition_changes (scope, partition_id, change_id) VALUES ('*', '*', 0);
        """)
    {
        DialectSql = dialect => dialect.PartitionKeyTriggers(FactTables.Keyed),
    };
}
