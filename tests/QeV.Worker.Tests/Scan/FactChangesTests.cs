using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using QeV.Domain.Tables;
using QeV.Worker.Scan;
using QeV.Worker.Store;
using QeV.Worker.Store.Bulk;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Scan;

/// <summary>
/// Work that grows with what changed (issue 9, "scan when nothing changed"): triggers on every fact table count each
/// change in <c>fact_changes</c> (M018), whoever makes it. A refresh on the same day with the same settings that finds
/// the count and the delivered notices as the last refresh left them reads no fact and writes nothing. Any change by
/// hand (an UPDATE, INSERT or DELETE in any fact table), a delivered notice, a new day, other settings or a partition
/// that failed makes the next refresh judge the facts again.
/// </summary>
public sealed class FactChangesTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static async Task<(TestDatabase Db, TestWorker Worker, TempFolder Mails)> ScannedAsync(TestEngine engine)
    {
        var db = await TestDatabase.CreateAsync(engine);
        await new SyntheticLoader(db.Database).LoadAsync(5, Day, 300, null, CancellationToken.None);
        var mails = new TempFolder();
        var worker = TestWorker.Pickup(db, new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)), mails.Path);
        (await worker.Cycle.ScanAsync(Day, CancellationToken.None)).ShouldBeGreaterThan(100);
        return (db, worker, mails);
    }

    private static Task<ScanResult> RefreshAsync(TestWorker worker, DateOnly day) =>
        worker.Services.GetRequiredService<DeadlineScanner>().RefreshAsync(day, CancellationToken.None);

    private static Task<List<string>> TableAsync(TestDatabase db) => db.QueryAsync<string>(
        "SELECT rule || ' ' || subject_id || ' ' || CAST(due_date AS TEXT) || ' ' || CAST(fulfilled AS TEXT) FROM deadlines ORDER BY rule, subject_id, due_date");

    [Fact]
    public void FactTables_AreEveryTableOfTheImport()
    {
        // Given: the tables the import writes (CONTRACT.md's files)
        var imported = ImportCatalog.Tables.Select(t => t.Table).ToList();

        // When / Then: M018 counts changes in each of them, and in no other table (a new fact table needs its triggers)
        imported.Count.ShouldBe(13);
        FactTables.All.ShouldBe(imported, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Refresh_NothingChangedSameDay_ReadsNoFactAndTheTableStays(TestEngine engine)
    {
        // Given: 300 generated cases, scanned once on 23.11.2026 (the table refreshed, the notices in the ledger)
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            var before = await TableAsync(db);
            var token = await db.ScalarAsync<string>("SELECT refresh_token FROM deadline_scans");

            // When: the same day again, twice
            var second = await RefreshAsync(worker, Day);
            var third = await RefreshAsync(worker, Day);

            // Then: no row read, nothing re-evaluated or written, the table and its refresh token as they were
            foreach (var scan in new[] { second, third })
            {
                scan.Unchanged.ShouldBeTrue();
                scan.Full.ShouldBeFalse();
                (scan.RowsRead, scan.Partitions, scan.Evaluated, scan.DeadlinesWritten).ShouldBe((0L, 0L, 0L, 0L));
                scan.RefreshToken.ShouldBe(token);
            }

            before.Count.ShouldBeGreaterThan(300);
            (await TableAsync(db)).ShouldBe(before);
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Scan_NothingChanged_TheCountsPerRuleAreReadBackNotCountedAgain(TestEngine engine)
    {
        // Given: a scanned table whose kept counts are replaced by a marker only a read-back can return
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            (await db.ScalarAsync<string>("SELECT counts FROM deadline_scans")).ShouldNotBeNull();
            await db.ExecuteAsync("""UPDATE deadline_scans SET counts = '[{"Rule":"F01","Status":"due","Count":7}]'""");

            // When: the same day again, then after a change
            var (_, unchanged) = await worker.Cycle.ScanTableAsync(Day, CancellationToken.None);
            await db.ExecuteAsync("UPDATE meetings SET status = status WHERE meeting_id = (SELECT MIN(meeting_id) FROM meetings)");
            var (_, changed) = await worker.Cycle.ScanTableAsync(Day, CancellationToken.None);

            // Then: the scan that changed nothing took the kept counts; the refresh after the change carried them along
            // with what it rewrote (one partition, its deadlines as they were) instead of counting the table again
            // (KeptCountsTests: carried counts are the table's); the next day counts afresh
            unchanged.Counts.ShouldBe([("F01", "due", 7L)]);
            unchanged.Open.ShouldBe(7);
            changed.Counts.ShouldBe([("F01", "due", 7L)]);
            var (_, nextDay) = await worker.Cycle.ScanTableAsync(Day.AddDays(1), CancellationToken.None);
            nextDay.Counts.Count.ShouldBeGreaterThan(3);
            nextDay.Open.ShouldBeGreaterThan(300);
        }
    }

    /// <summary>A statement, and how many partitions the next refresh reads: at most that many of the changed ones, or all (-1).</summary>
    public static TheoryData<TestEngine, string, int> ChangesByHand()
    {
        var data = new TheoryData<TestEngine, string, int>();
        foreach (var engine in TestEngines.Each)
        {
            // A case's table: that case alone (M019's keys)
            data.Add(engine, "UPDATE meetings SET status = status WHERE meeting_id = (SELECT MIN(meeting_id) FROM meetings)", 1);
            // The first report may be a provider's Leistungsbericht (organisation-wide, always read) or a case's
            data.Add(engine, "DELETE FROM reports WHERE report_id = (SELECT MIN(report_id) FROM reports)", 1);
            // An organisation-wide table: no partition, the organisation-wide rules are judged on every refresh
            data.Add(engine, "INSERT INTO ag78_sessions (session_id, organisation_id, date) SELECT 'AG-NEU', MIN(organisation_id), '2026-11-20' FROM organisations WHERE kind = 'jugendamt'", 0);
            // A lookup: every partition
            data.Add(engine, "UPDATE staff SET absent_from = '2026-11-16', absent_until = '2026-12-31' WHERE staff_id = (SELECT MIN(staff_id) FROM staff)", -1);
            // A lookup's row rewritten as it was: the same lookups, no partition changed
            data.Add(engine, "UPDATE staff SET display_name = display_name WHERE staff_id = (SELECT MIN(staff_id) FROM staff)", 0);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ChangesByHand))]
    public async Task Refresh_AFactTableChangedByHand_JudgesTheFactsAgain(TestEngine engine, string change, int partitions)
    {
        // Given: a refreshed table, then one statement another tool might run on the fact tables
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            await db.ExecuteAsync(change);

            // When
            var next = await RefreshAsync(worker, Day);
            var after = await RefreshAsync(worker, Day);

            // Then: the refresh after the change reads the facts again, only the changed partitions where their keys
            // were recorded; the one after that finds nothing new again, and no key is left
            next.Unchanged.ShouldBeFalse(change);
            next.ChangedOnly.ShouldBe(partitions >= 0, change);
            if (partitions >= 0)
            {
                next.Partitions.ShouldBeLessThanOrEqualTo(partitions, change);
            }
            else
            {
                next.Partitions.ShouldBeGreaterThan(300, change);
            }

            after.Unchanged.ShouldBeTrue(change);
            (await db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_partition_changes")).ShouldBe(0, change);
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Refresh_MeetingMovedByHand_ItsDeadlineMoves(TestEngine engine)
    {
        // Given: a planned Fortschreibung and its F01 deadline in the table
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            var meeting = await db.ScalarAsync<string>(
                "SELECT MIN(meeting_id) FROM meetings WHERE kind = 'fortschreibung' AND status = 'planned' AND date > '2027-01-15' AND date < '2027-06-01'");
            var due = await db.ScalarAsync<string>("SELECT CAST(due_date AS TEXT) FROM deadlines WHERE rule = 'F01' AND subject_id = @meeting", new { meeting });

            // When: the meeting is moved four weeks later by an UPDATE, and the table is refreshed on the same day
            var moved = DateOnly.Parse(await db.ScalarAsync<string>("SELECT CAST(date AS TEXT) FROM meetings WHERE meeting_id = @meeting", new { meeting }), CultureInfo.InvariantCulture).AddDays(28);
            await db.ExecuteAsync("UPDATE meetings SET date = @moved WHERE meeting_id = @meeting", new { moved, meeting });
            var scan = await RefreshAsync(worker, Day);

            // Then: re-evaluated, and F01 is due four weeks later than before
            scan.Unchanged.ShouldBeFalse();
            scan.Evaluated.ShouldBe(1);
            var now = await db.ScalarAsync<string>("SELECT CAST(due_date AS TEXT) FROM deadlines WHERE rule = 'F01' AND subject_id = @meeting", new { meeting });
            DateOnly.Parse(now, CultureInfo.InvariantCulture).ShouldBe(DateOnly.Parse(due, CultureInfo.InvariantCulture).AddDays(28));
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Refresh_AfterImports_OnlyAnImportThatChangedARowCounts(TestEngine engine)
    {
        // Given: an imported and scanned database (on SQLite the import writes without its row triggers and counts once)
        var domain = NotificationData.NewDomain();
        var files = NotificationData.Files(domain, cases: 3);
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(files);
        using var mails = new TempFolder();
        using var worker = TestWorker.Pickup(db, new ManualTimeProvider(new DateTimeOffset(2026, 6, 5, 8, 0, 0, TimeSpan.Zero)), mails.Path);
        var day = NotificationData.Day;
        await worker.Cycle.ScanAsync(day, CancellationToken.None);

        // When: the same files again; then one Führungszeugnis issued a day later; then a hand-made change after that
        await db.ImportAsync(files);
        var sameFiles = await RefreshAsync(worker, day);
        var changed = new Dictionary<string, string>(files)
        {
            ["fuehrungszeugnisse.csv"] = files["fuehrungszeugnisse.csv"].Replace("S-3,2024-01-10", "S-3,2024-01-11", StringComparison.Ordinal),
        };
        await db.ImportAsync(changed);
        var changedFile = await RefreshAsync(worker, day);
        await db.ExecuteAsync("UPDATE staff SET display_name = display_name WHERE staff_id = 'S-3'");
        var byHand = await RefreshAsync(worker, day);

        // Then: the unchanged import counts for nothing; the changed one does, and the triggers are back after it
        sameFiles.Unchanged.ShouldBeTrue();
        changedFile.Unchanged.ShouldBeFalse();
        changedFile.Evaluated.ShouldBe(1);
        byHand.Unchanged.ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task BulkWrite_KilledBeforeItsCommit_TheTriggersStandAndCount(TestEngine engine)
    {
        // Given: a scanned database, and a bulk write that took the triggers off and changed a row, then died (its
        // transaction rolled back without the triggers being put back)
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            await using (var connection = await db.Database.OpenAsync(CancellationToken.None))
            {
                await using var tx = await db.Database.Dialect.BeginWriteAsync(connection, CancellationToken.None);
                (await BulkFactWrite.SuspendAsync(db.Database.Dialect, connection, tx, CancellationToken.None)).ShouldBe(engine == TestEngine.Sqlite);
                await connection.ExecuteAsync(new CommandDefinition("UPDATE staff SET display_name = display_name", transaction: tx));
                await tx.RollbackAsync();
            }

            // When: another tool changes a fact afterwards
            var unchanged = await RefreshAsync(worker, Day);
            await db.ExecuteAsync("UPDATE meetings SET status = status WHERE meeting_id = (SELECT MIN(meeting_id) FROM meetings)");
            var afterChange = await RefreshAsync(worker, Day);

            // Then: the dead write counted for nothing, and the triggers are still there to count the later change
            unchanged.Unchanged.ShouldBeTrue();
            afterChange.Unchanged.ShouldBeFalse();
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Refresh_NoticeDeliveredSinceTheLastRefresh_JudgesTheFactsAgain(TestEngine engine)
    {
        // Given: a refreshed table, then one owed notice delivered (F06 is fulfilled by its delivered notice)
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices WHERE kind = 'notice' AND state = 'pending'")).ShouldBeGreaterThan(0);
            var key = await db.ScalarAsync<string>("SELECT MIN(notice_key) FROM notices WHERE kind = 'notice' AND state = 'pending'");
            var fulfilled = $"""
                SELECT COUNT(*) FROM deadlines d JOIN notices n ON n.rule = d.rule AND n.subject_id = d.subject_id AND n.due_date = d.due_date
                WHERE n.notice_key = '{key}' AND d.fulfilled
                """;
            (await db.ScalarAsync<long>(fulfilled)).ShouldBe(0);
            await db.ExecuteAsync($"UPDATE notices SET state = 'sent' WHERE notice_key = '{key}'");

            // When
            var scan = await RefreshAsync(worker, Day);

            // Then: M019's trigger on notices recorded the case, and only it was read and judged again: now fulfilled
            scan.Unchanged.ShouldBeFalse();
            scan.ChangedOnly.ShouldBeTrue();
            (scan.Partitions, scan.Evaluated).ShouldBe((1L, 1L));
            (await db.ScalarAsync<long>(fulfilled)).ShouldBe(1);
            (await db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_partition_changes")).ShouldBe(0);
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Refresh_NextDayOrOtherSettings_NotUnchanged(TestEngine engine)
    {
        // Given
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            // When: the next day; then that day again with the stored settings made different
            var nextDay = await RefreshAsync(worker, Day.AddDays(1));
            await db.ExecuteAsync("UPDATE deadline_scans SET settings_fingerprint = 'other'");
            var otherSettings = await RefreshAsync(worker, Day.AddDays(1));

            // Then: the next day re-runs the day-dependent rules; other settings re-evaluate everything
            nextDay.Unchanged.ShouldBeFalse();
            nextDay.DayOnly.ShouldBeGreaterThan(0);
            otherSettings.Unchanged.ShouldBeFalse();
            otherSettings.Full.ShouldBeTrue();
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Refresh_APartitionFailed_EveryRefreshJudgesAgainAndReportsIt(TestEngine engine)
    {
        // Given: one planned Fortschreibung dated in year 0001 (written by another tool; F01 has no "zwei Wochen vorab")
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            await db.ExecuteAsync(
                "UPDATE meetings SET date = '0001-01-03', kind = 'fortschreibung', status = 'planned' WHERE meeting_id = (SELECT MIN(meeting_id) FROM meetings)");

            // When: the same day, twice
            var first = await RefreshAsync(worker, Day);
            var second = await RefreshAsync(worker, Day);

            // Then: neither refresh trusts the last one: both read the facts and both report the failure
            foreach (var scan in new[] { first, second })
            {
                scan.Unchanged.ShouldBeFalse();
                scan.Failures.Where(f => f.Rule == "F01").ShouldHaveSingleItem();
            }

            (await db.ScalarAsync<string?>("SELECT facts_version FROM deadline_scans")).ShouldBeNull();
        }
    }
}
