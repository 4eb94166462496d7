namespace QeV.Worker.Store.Migrations;

/// <summary>
/// Two indexes of the ledger that no statement used: the history by staff member asks for the recipient, the person
/// addressed or the subject at once, which no single index answers (SQLite walked the table with or without them).
/// Each notice a scan writes cost an insert at a random place in both, which at a million cases (17 million notices
/// on the first scan) meant a page written per notice and index. The case index stays, for the history by case.
/// </summary>
internal static class M023LedgerIndexes
{
    public static Migration Migration { get; } = new(23, "ledger indexes", "")
    {
        DialectSql = dialect => [dialect.DropIndex("notices", "ix_notices_recipient"), dialect.DropIndex("notices", "ix_notices_to_staff")],
    };
}
