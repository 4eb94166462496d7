using QeV.Domain.Planning;
using QeV.Worker.Ledger;
using QeV.Worker.Tests.Dispatch.Rendering;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Ledger;

/// <summary>
/// The history of the ledger by case and by staff member (<c>qev history</c>), after M023 dropped the two indexes no
/// statement used: a case's history is read through its index; a staff member's is every notice they received, were
/// meant to receive, or that is about them.
/// </summary>
public sealed class NoticeHistoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static PlannedNotice Planned(string key, string? caseId, string subjectId, string to, string? intended) => new(
        SampleNotices.Notice("F01", NoticeKind.Reminder) with
        {
            Key = key,
            CaseId = caseId,
            SubjectId = subjectId,
            To = new Recipient(to, "Fachkraft " + to, to.ToLowerInvariant() + "@example.org"),
        },
        intended,
        new DateOnly(2026, 11, 23));

    private static async Task<NoticeLedger> LedgerAsync(TestDatabase db)
    {
        var ledger = new NoticeLedger(db.Database);
        await ledger.AddAsync(
        [
            Planned("a", "C-1", "C-1", "S-1", "S-1"),
            Planned("b", "C-1", "C-1", "S-2", "S-1"), // to the deputy S-2 for S-1
            Planned("c", "C-2", "C-2", "S-3", "S-3"),
            Planned("d", null, "S-1", "S-4", "S-4"), // about S-1 (F12), to the team lead
        ], Now, CancellationToken.None);
        return ledger;
    }

    private static async Task<List<string>> KeysAsync(NoticeLedger ledger, string? caseId, string? staffId) =>
        [.. (await ledger.HistoryAsync(caseId, staffId, 100, CancellationToken.None)).Select(r => r.NoticeKey).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task HistoryAsync_ByCaseByStaffBothOrNeither_FindsTheirNotices(TestEngine engine)
    {
        using var db = await TestDatabase.CreateAsync(engine);
        var ledger = await LedgerAsync(db);

        (await KeysAsync(ledger, "C-1", null)).ShouldBe(["a", "b"]);
        (await KeysAsync(ledger, null, "S-1")).ShouldBe(["a", "b", "d"]);
        (await KeysAsync(ledger, null, "S-2")).ShouldBe(["b"]);
        (await KeysAsync(ledger, "C-1", "S-2")).ShouldBe(["b"]);
        (await KeysAsync(ledger, "C-2", "S-1")).ShouldBeEmpty();
        (await KeysAsync(ledger, null, null)).ShouldBe(["a", "b", "c", "d"]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Migrations_LeaveTheLedgerItsKeyDispatchAndCaseIndexesOnly(TestEngine engine)
    {
        using var db = await TestDatabase.CreateAsync(engine);

        var indexes = engine == TestEngine.Sqlite
            ? await db.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'notices' AND name LIKE 'ix_%'")
            : await db.QueryAsync<string>("SELECT indexname FROM pg_indexes WHERE tablename = 'notices' AND indexname LIKE 'ix_%'");

        indexes.Order(StringComparer.Ordinal).ShouldBe(["ix_notices_case", "ix_notices_dispatch"]);
    }
}
