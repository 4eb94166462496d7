namespace QeV.Worker.Store.Migrations;

/// <summary>
/// Plans a new day by date (issue 9): each stored deadline carries the first day its plan can owe something new
/// (<c>next_stage</c>: its next stage, a change of absence on its routing, or the next day while it shows a data
/// problem), indexed with <c>fulfilled</c>, so a scan plans only the deadlines with <c>next_stage &lt;= day</c>. A row the
/// scan writes anew starts at 0001-01-01 (plan it). <c>deadline_stage_plans</c> holds the notification settings and the
/// day the dates were last set for; other settings or an earlier day plan every deadline again.
/// </summary>
internal static class M017StageDates
{
    public static Migration Migration { get; } = new(17, "stage dates", """
        ALTER TABLE deadlines ADD COLUMN next_stage {date} NOT NULL DEFAULT '0001-01-01';
        CREATE INDEX IF NOT EXISTS ix_deadlines_next_stage ON deadlines (fulfilled, next_stage);
        CREATE TABLE IF NOT EXISTS deadline_stage_plans (
            plan_id {int} PRIMARY KEY,
            settings {text} NOT NULL,
            planned_on {date} NOT NULL);
        """);
}
