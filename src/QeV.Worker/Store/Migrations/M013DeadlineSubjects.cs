namespace QeV.Worker.Store.Migrations;

/// <summary>
/// What a mail about a deadline names besides its due date (issue 10, mails), stored with it in the deadlines table so that a
/// deadline read back from a scan renders the same mail: the date of the care-plan meeting it prepares or follows
/// (<c>meeting_date</c>, F01, F03, F04, F05) and the month it is about (<c>period</c>, F16). Every stored partition is
/// judged again on the next scan (its fingerprint no longer matches), so no deadline keeps empty columns.
/// </summary>
internal static class M013DeadlineSubjects
{
    public static Migration Migration { get; } = new(13, "deadline subjects", """
        ALTER TABLE deadlines ADD COLUMN meeting_date {date};
        ALTER TABLE deadlines ADD COLUMN period {date};
        UPDATE deadline_partitions SET fingerprint = 'm013';
        """);
}
