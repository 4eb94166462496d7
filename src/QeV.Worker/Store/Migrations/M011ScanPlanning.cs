namespace QeV.Worker.Store.Migrations;

/// <summary>
/// Lets a scan on the same day plan only what its refresh changed (issue 9): the day and the settings the notices of
/// the last refresh (<c>refresh_token</c>) were planned and written to the ledger for. A refresh that changes anything
/// clears the mark until its changes are planned, so a scan killed in between plans everything the next time.
/// </summary>
internal static class M011ScanPlanning
{
    public static Migration Migration { get; } = new(11, "scan planning mark", """
        ALTER TABLE deadline_scans ADD COLUMN refresh_token {text};
        ALTER TABLE deadline_scans ADD COLUMN planned_as_of {date};
        ALTER TABLE deadline_scans ADD COLUMN planned_settings {text};
        """);
}
