namespace QeV.Worker.Store.Migrations;

/// <summary>
/// Per mapped entity (issue 11): when its source was last read well, with which @asOf and when last in full (the copy of
/// its rows is the entity's own table in the store), and since when and why reading fails. Read by the scan, `qev health`
/// and the admin report; shared by all instances.
/// </summary>
internal static class M014SourceReads
{
    public static Migration Migration { get; } = new(14, "source reads", """
        CREATE TABLE IF NOT EXISTS source_reads (
            entity {text} PRIMARY KEY,
            source_name {text} NOT NULL,
            good_at {timestamp},
            full_at {timestamp},
            as_of {date},
            row_count {int} NOT NULL,
            failed_at {timestamp},
            failure {text});
        """);
}
