using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Scan;
using QeV.Worker.Store.Bulk;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Scan;

/// <summary>
/// The open deadlines per rule and status (the metrics' counts, M020) are kept by the refresh itself: a full refresh
/// counts what it inserts, one after a few changes takes the deleted partitions' rows off and adds the new ones, so no
/// scan has to count the whole table again (at a million cases that count took 9 s of a 1 % scan). The kept counts are
/// always what counting the table gives; a refresh on a new day, which starts without counts for it, leaves them to
/// the plan.
/// </summary>
public sealed class KeptCountsTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    /// <summary>Changes in several partitions: deadlines come, go and change status; a case and a certificate go.</summary>
    private static readonly string[] Changes =
    [
        "UPDATE appointments SET outcome = CASE outcome WHEN 'attended' THEN 'no_show' ELSE 'attended' END WHERE case_id IN (SELECT case_id FROM cases ORDER BY case_id LIMIT 12)",
        "UPDATE meetings SET date = '2026-11-20' WHERE meeting_id IN (SELECT meeting_id FROM meetings ORDER BY meeting_id DESC LIMIT 5)",
        .. ChangedPartitionsTests.Changes,
    ];

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Refresh_FullThenAFewChanged_KeepsTheCountsTheTableGives(TestEngine engine)
    {
        // Given: 300 generated cases
        using var db = await TestDatabase.CreateAsync(engine);
        await new SyntheticLoader(db.Database).LoadAsync(9, Day, 300, null, CancellationToken.None);
        using var mails = new TempFolder();
        using var worker = TestWorker.Pickup(db, new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)), mails.Path);
        var scanner = worker.Services.GetRequiredService<DeadlineScanner>();

        var store = new StageDateStore(db.Database);

        // When: the first (full) refresh, and the plan's counts after it
        var first = await scanner.RefreshAsync(Day, CancellationToken.None);
        var keptByRefresh = await KeptAsync(db, Day);
        var token = await db.ScalarAsync<string>("SELECT refresh_token FROM deadline_scans");
        var planned = Lines(await store.CountsAsync(token, Day, KeptCounts.Until(Day), CancellationToken.None));

        // Then: on SQLite the refresh counted what it inserted (PostgreSQL shares a full refresh out in ranges, each
        // writing in its own transaction, so there the plan counts the table once); either way the counts are the table's
        first.Full.ShouldBeTrue();
        if (engine == TestEngine.Sqlite)
        {
            keptByRefresh.ShouldNotBeNull("a full refresh in one transaction counts what it inserts");
            keptByRefresh.ShouldBe(planned);
        }

        var kept = await KeptAsync(db, Day);
        kept.ShouldNotBeNull();
        kept.ShouldBe(await CountedAsync(db, Day));
        kept.ShouldBe(planned);
        kept.Count.ShouldBeGreaterThan(3);

        // When: a few partitions change, and the next refresh reads only them
        foreach (var change in Changes)
        {
            await db.ExecuteAsync(change);
        }

        var before = kept;
        var second = await scanner.RefreshAsync(Day, CancellationToken.None);

        // Then: the kept counts moved with what it deleted and inserted, and are again the table's
        second.ChangedOnly.ShouldBeTrue();
        second.Partitions.ShouldBeInRange(10, 40);
        kept = await KeptAsync(db, Day);
        kept.ShouldNotBeNull("the refresh carried the counts along");
        kept.ShouldBe(await CountedAsync(db, Day));
        kept.ShouldNotBe(before, "the changes moved some counts");

        // And: the plan reads them as kept
        token = await db.ScalarAsync<string>("SELECT refresh_token FROM deadline_scans");
        Lines(await store.CountsAsync(token, Day, KeptCounts.Until(Day), CancellationToken.None)).ShouldBe(kept);

        // When: the next day's refresh, which starts without counts of its day
        var next = Day.AddDays(1);
        await scanner.RefreshAsync(next, CancellationToken.None);

        // Then: it keeps none (the plan counts the table, and keeps that)
        (await KeptAsync(db, next)).ShouldBeNull();
        token = await db.ScalarAsync<string>("SELECT refresh_token FROM deadline_scans");
        Lines(await store.CountsAsync(token, next, KeptCounts.Until(next), CancellationToken.None)).ShouldBe(await CountedAsync(db, next));
        (await KeptAsync(db, next)).ShouldBe(await CountedAsync(db, next));
    }

    /// <summary>The counts kept in the scan's state for <paramref name="day"/>, as sorted lines; null when none are.</summary>
    private static async Task<List<string>?> KeptAsync(TestDatabase db, DateOnly day)
    {
        var rows = await db.QueryAsync<string>("SELECT counts FROM deadline_scans WHERE counts_day = @day", new { day });
        return rows.Count == 0 || rows[0] is null ? null : Lines(KeptCounts.Parse(rows[0]));
    }

    /// <summary>The table counted: open deadlines due within 366 days, by rule and status on <paramref name="day"/>.</summary>
    private static async Task<List<string>> CountedAsync(TestDatabase db, DateOnly day) =>
        Lines(await db.QueryAsync<(string Rule, string Status, long Count)>("""
            SELECT rule, CASE WHEN due_date > @day THEN 'upcoming' WHEN due_date = @day THEN 'due' ELSE 'overdue' END AS status, COUNT(*) AS n
            FROM deadlines WHERE fulfilled = @open AND due_date <= @until
            GROUP BY rule, CASE WHEN due_date > @day THEN 'upcoming' WHEN due_date = @day THEN 'due' ELSE 'overdue' END
            """, new { day, until = day.AddDays(366), open = false }));

    private static List<string> Lines(IEnumerable<(string Rule, string Status, long Count)> counts) =>
        [.. counts.Select(c => $"{c.Rule} {c.Status} {c.Count}").Order(StringComparer.Ordinal)];
}
