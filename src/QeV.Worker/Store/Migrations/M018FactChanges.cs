namespace QeV.Worker.Store.Migrations;

/// <summary>
/// Work that grows with what changed (issue 9): <c>fact_changes</c> holds one counter that triggers on every fact table
/// raise when a row is inserted, updated or deleted (<see cref="ISqlDialect.FactChangeTriggers"/>); <c>clean</c> is
/// SQLite's shortcut (only the first row after a scan counts). A refresh stores in <c>facts_version</c> the counter and the
/// delivered notices it judged by (<see cref="FactChanges"/>); the next refresh on the same day with the same settings
/// that finds both unchanged reads no fact at all. <c>scan_generations.facts_version</c>: the same for a shared scan,
/// taken when the generation starts.
/// </summary>
internal static class M018FactChanges
{
    public static Migration Migration { get; } = new(18, "fact change counter", """
        CREATE TABLE IF NOT EXISTS fact_changes (
            id {int} PRIMARY KEY,
            seq {int} NOT NULL,
            clean {int} NOT NULL);
        INSERT INTO fact_changes (id, seq, clean) VALUES (1, 0, 0);
        ALTER TABLE deadline_scans ADD COLUMN facts_version {text};
        ALTER TABLE scan_generations ADD COLUMN facts_version {text};
        """)
    {
        DialectSql = dialect => dialect.FactChangeTriggers(FactTables.All),
    };
}
