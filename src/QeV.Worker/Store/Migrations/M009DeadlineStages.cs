namespace QeV.Worker.Store.Migrations;

/// <summary>
/// What issue 10's deadlines carry besides their due date, stored with them in the deadlines table (M008), so that a
/// deadline read back from a scan plans the same notices as one evaluated over all facts: the end of the help it was
/// missed by (<c>help_ended_on</c>), the start of a warning stage (<c>warning_from</c>, F13/F14) and the numbers a mail
/// names (<c>progress</c>, "6 von 15,6").
/// </summary>
internal static class M009DeadlineStages
{
    public static Migration Migration { get; } = new(9, "deadline stages", """
        ALTER TABLE deadlines ADD COLUMN help_ended_on {date};
        ALTER TABLE deadlines ADD COLUMN warning_from {date};
        ALTER TABLE deadlines ADD COLUMN progress {text};
        """);
}
