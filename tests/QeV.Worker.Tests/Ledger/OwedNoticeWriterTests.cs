using QeV.Domain.Planning;
using QeV.Worker.Ledger;
using QeV.Worker.Tests.Dispatch.Rendering;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Ledger;

/// <summary>
/// The owed notices a scan writes (SQLite: one statement bound and stepped through SQLite's own interface; PostgreSQL:
/// binary COPY): every column as planned, each key once however often it is planned, and the count is what was added.
/// </summary>
public sealed class OwedNoticeWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static PlannedNotice Planned(string key, string? caseId, DateOnly? due, bool urgent, string? intended) => new(
        SampleNotices.Notice("F01", NoticeKind.Reminder) with
        {
            Key = key,
            CaseId = caseId,
            DueDate = due,
            Urgent = urgent,
            Stage = "reminder",
            To = new Recipient("S-1", "Fachkraft Süß", "s-1@example.org"),
        },
        intended,
        new DateOnly(2026, 11, 23));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AddAsync_NewKnownAndRepeatedKeys_WritesEachOnceWithItsColumnsAndCountsTheNewOnes(TestEngine engine)
    {
        using var db = await TestDatabase.CreateAsync(engine);
        var ledger = new NoticeLedger(db.Database);

        // When: two notices, then the second again with a third planned twice
        var first = await ledger.AddAsync(
            [Planned("n/1", "C-1", new DateOnly(2026, 12, 7), false, "S-1"), Planned("n/2", null, null, true, null)], Now, CancellationToken.None);
        var second = await ledger.AddAsync(
            [Planned("n/2", "C-9", null, false, "S-9"), Planned("n/3", "C-3", new DateOnly(2027, 1, 4), false, "S-2"), Planned("n/3", "C-4", null, true, null)],
            Now.AddHours(1), CancellationToken.None);

        // Then
        first.ShouldBe(2);
        second.ShouldBe(1);
        var rows = await db.QueryAsync<string>("""
            SELECT notice_key || '|' || kind || '|' || COALESCE(rule, '-') || '|' || COALESCE(case_id, '-') || '|' || COALESCE(CAST(due_date AS TEXT), '-')
                || '|' || stage || '|' || COALESCE(recipient_staff_id, '-') || '|' || COALESCE(to_staff_id, '-') || '|' || to_address
                || '|' || CAST(planned_for AS TEXT) || '|' || CASE WHEN urgent THEN 'dringend' ELSE 'normal' END || '|' || state || '|' || CAST(attempts AS TEXT)
            FROM notices ORDER BY notice_key
            """);
        rows.ShouldBe(
        [
            "n/1|reminder|F01|C-1|2026-12-07|reminder|S-1|S-1|s-1@example.org|2026-11-23|normal|pending|0",
            "n/2|reminder|F01|-|-|reminder|-|S-1|s-1@example.org|2026-11-23|dringend|pending|0",
            "n/3|reminder|F01|C-3|2027-01-04|reminder|S-2|S-1|s-1@example.org|2026-11-23|normal|pending|0",
        ]);
        var stored = await ledger.HistoryAsync("C-3", null, 10, CancellationToken.None);
        stored.Single().NoticeKey.ShouldBe("n/3");
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices WHERE next_attempt_at IS NOT NULL AND created_at IS NOT NULL")).ShouldBe(3);
    }
}
