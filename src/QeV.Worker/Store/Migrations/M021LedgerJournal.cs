namespace QeV.Worker.Store.Migrations;

/// <summary>
/// What each mail did, as one small row written right after the server answered (issue 8, "keep that window as short as
/// the code allows"): the notices and delivery rows of a bundle lie on a page each, and a transaction that rewrote them
/// for every mail wrote about 50 pages. The rows are applied to <c>notices</c> and <c>notice_deliveries</c> many mails at
/// a time (<see cref="Ledger.LedgerJournal"/>), and before any claim, so a claim never takes over a notice whose delivery
/// is only written here.
/// </summary>
internal static class M021LedgerJournal
{
    public static Migration Migration { get; } = new(21, "ledger journal", """
        CREATE TABLE IF NOT EXISTS ledger_journal (
            entry_id {text} PRIMARY KEY,
            worker {text} NOT NULL,
            at {timestamp} NOT NULL,
            entry {text} NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_ledger_journal_worker ON ledger_journal (worker);
        """);
}
