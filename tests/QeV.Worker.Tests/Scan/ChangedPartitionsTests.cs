using Dapper;
using Microsoft.Extensions.DependencyInjection;
using QeV.Worker.Scan;
using QeV.Worker.Store;
using QeV.Worker.Store.Bulk;
using QeV.Worker.Store.Partitions;
using QeV.Worker.Tests.Notifications;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Scan;

/// <summary>
/// A scan after a few changes reads only the changed partitions (issue 9, "a scan after 1 % changed"): M019's triggers
/// record each changed row's partition key, old and new, whoever writes it; a refresh on the same day with the same
/// settings and lookups reads those partitions and leaves the table exactly as a full refresh of the same facts would.
/// A change without keys (a bulk write, a TRUNCATE) makes the next refresh read every partition.
/// </summary>
public sealed class ChangedPartitionsTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static async Task<(TestDatabase Db, TestWorker Worker, TempFolder Mails)> ScannedAsync(TestEngine engine)
    {
        var db = await TestDatabase.CreateAsync(engine);
        await new SyntheticLoader(db.Database).LoadAsync(7, Day, 300, null, CancellationToken.None);
        var mails = new TempFolder();
        var worker = TestWorker.Pickup(db, new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)), mails.Path);
        var first = await RefreshAsync(worker);
        first.ChangedOnly.ShouldBeFalse();
        (await KeysAsync(db)).ShouldBe(0);
        return (db, worker, mails);
    }

    private static Task<ScanResult> RefreshAsync(TestWorker worker) =>
        worker.Services.GetRequiredService<DeadlineScanner>().RefreshAsync(Day, CancellationToken.None);

    private static Task<long> KeysAsync(TestDatabase db) => db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_partition_changes");

    /// <summary>Every deadline with whom it concerns, and every partition's fingerprint.</summary>
    private static async Task<List<string>> TableAsync(TestDatabase db) =>
    [
        .. await db.QueryAsync<string>("""
            SELECT scope || ' ' || partition_id || ' ' || rule || ' ' || subject_id || ' ' || CAST(due_date AS TEXT) || ' ' || CAST(fulfilled AS TEXT)
                || ' ' || COALESCE(responsible_staff_id, '-') || ' ' || COALESCE(escalation_staff_id, '-') || ' ' || COALESCE(instance_key, '-')
            FROM deadlines ORDER BY 1
            """),
        .. await db.QueryAsync<string>("SELECT scope || ' ' || partition_id || ' ' || fingerprint FROM deadline_partitions ORDER BY 1"),
    ];

    /// <summary>What a user or another tool does between two scans, each in the tables of a partition.</summary>
    internal static readonly string[] Changes =
    [
        // a meeting moved to another case: both cases change
        "UPDATE meetings SET case_id = (SELECT MAX(case_id) FROM cases) WHERE meeting_id = (SELECT MIN(meeting_id) FROM meetings)",
        // a report tied to its meeting only: it belongs to the meeting's case
        "UPDATE reports SET case_id = NULL WHERE report_id = (SELECT MIN(report_id) FROM reports WHERE meeting_id IS NOT NULL AND case_id IS NOT NULL)",
        // missed appointments of one case
        "UPDATE appointments SET outcome = CASE outcome WHEN 'attended' THEN 'no_show' ELSE 'attended' END WHERE case_id = (SELECT MIN(case_id) FROM appointments)",
        // a case deleted with its rows
        "DELETE FROM reports WHERE case_id = (SELECT MIN(case_id) FROM home_visits)",
        "DELETE FROM appointments WHERE case_id = (SELECT MIN(case_id) FROM home_visits)",
        "DELETE FROM meetings WHERE case_id = (SELECT MIN(case_id) FROM home_visits)",
        "DELETE FROM cases WHERE case_id = (SELECT MIN(case_id) FROM home_visits)",
        "DELETE FROM home_visits WHERE case_id = (SELECT MIN(case_id) FROM home_visits)",
        // a Führungszeugnis taken back: a staff partition
        "DELETE FROM fuehrungszeugnisse WHERE staff_id = (SELECT MIN(staff_id) FROM fuehrungszeugnisse)",
    ];

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Refresh_AFewPartitionsChanged_ReadsOnlyThemAndTheTableEqualsAFullRefresh(TestEngine engine)
    {
        // Given: 300 generated cases refreshed once, then the changes above
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            foreach (var change in Changes)
            {
                await db.ExecuteAsync(change);
            }

            var keys = await db.QueryAsync<string>("SELECT scope || ':' || partition_id FROM fact_partition_changes ORDER BY 1");

            // When
            var scan = await RefreshAsync(worker);
            var table = await TableAsync(db);
            await db.ExecuteAsync("UPDATE deadline_scans SET settings_fingerprint = 'other'");
            var full = await RefreshAsync(worker);

            // Then: the keys name the two cases of the moved meeting, the report's, the appointments', the deleted case
            // and the staff member (some may coincide); only they were read, and the table is what a full refresh makes
            keys.Count.ShouldBeInRange(3, 6);
            keys.Count(k => k.StartsWith("staff:", StringComparison.Ordinal)).ShouldBe(1);
            scan.ChangedOnly.ShouldBeTrue();
            scan.Full.ShouldBeFalse();
            scan.Partitions.ShouldBe(keys.Count - 1); // the deleted case has no partition any more
            scan.Removed.ShouldBe(1);
            scan.Failures.ShouldBeEmpty();
            (await KeysAsync(db)).ShouldBe(0);
            full.Full.ShouldBeTrue();
            full.Partitions.ShouldBeGreaterThan(300);
            table.Count.ShouldBeGreaterThan(600);
            (await TableAsync(db)).ShouldBe(table);
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Refresh_AfterAChangeWithoutKeys_ReadsEveryPartitionAndClearsTheMarker(TestEngine engine)
    {
        // Given: a refreshed table, then a write whose partitions are not recorded: on SQLite a bulk write (generate and
        // the import suspend the row triggers), on PostgreSQL a TRUNCATE
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            if (engine == TestEngine.Sqlite)
            {
                await using var connection = await db.Database.OpenAsync(CancellationToken.None);
                await using var tx = await db.Database.Dialect.BeginWriteAsync(connection, CancellationToken.None);
                var suspended = await BulkFactWrite.SuspendAsync(db.Database.Dialect, connection, tx, CancellationToken.None);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE appointments SET outcome = 'no_show' WHERE case_id = (SELECT MIN(case_id) FROM appointments)", transaction: tx));
                await BulkFactWrite.ResumeAsync(db.Database.Dialect, connection, tx, suspended, changed: true, CancellationToken.None);
                await tx.CommitAsync();
                (await db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_partition_changes WHERE scope = 'case'")).ShouldBe(0);
            }
            else
            {
                await db.ExecuteAsync("TRUNCATE home_visits");
            }

            (await db.ScalarAsync<long>($"SELECT COUNT(*) FROM fact_partition_changes WHERE scope = '{PartitionKeyedTable.Unkeyed}'")).ShouldBe(1);

            // When
            var scan = await RefreshAsync(worker);

            // Then
            scan.ChangedOnly.ShouldBeFalse();
            scan.Unchanged.ShouldBeFalse();
            scan.Partitions.ShouldBeGreaterThan(300);
            (await KeysAsync(db)).ShouldBe(0);
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Clear_KeysRecordedAfterTheCounterTheScanRead_Stay(TestEngine engine)
    {
        // Given: two keys, one recorded up to the counter a scan read (5), one after it (6), as a writer that commits
        // during the scan leaves it on PostgreSQL
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ExecuteAsync("DELETE FROM fact_partition_changes");
        await db.ExecuteAsync("INSERT INTO fact_partition_changes (scope, partition_id, change_id) VALUES ('case', 'C-1', 5), ('case', 'C-2', 6)");

        // When
        await using (var connection = await db.Database.OpenAsync(CancellationToken.None))
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await PartitionChanges.ClearAsync(db.Database.Dialect, connection, tx, 5, CancellationToken.None);
            await tx.CommitAsync();
        }

        // Then
        (await db.QueryAsync<string>("SELECT partition_id FROM fact_partition_changes")).ShouldBe(["C-2"]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Triggers_AnUpdateThatMovesARow_RecordOldAndNewPartition(TestEngine engine)
    {
        // Given
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            var from = await db.ScalarAsync<string>("SELECT MIN(case_id) FROM appointments");
            var to = await db.ScalarAsync<string>("SELECT MAX(case_id) FROM appointments");
            from.ShouldNotBe(to);

            // When: every appointment of the first case moves to the last
            await db.ExecuteAsync($"UPDATE appointments SET case_id = '{to}' WHERE case_id = '{from}'");

            // Then
            (await db.QueryAsync<string>("SELECT scope || ':' || partition_id FROM fact_partition_changes ORDER BY 1"))
                .ShouldBe([$"case:{from}", $"case:{to}"], ignoreOrder: true);
        }
    }
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Triggers_AReportTiedOnlyToAMeeting_RecordTheMeetingsCaseAndTheScanJudgesIt(TestEngine engine)
    {
        // Given: the last case's meeting, and no key left by the first refresh
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            var @case = await db.ScalarAsync<string>("SELECT MAX(case_id) FROM meetings");
            var meeting = await db.ScalarAsync<string>($"SELECT MIN(meeting_id) FROM meetings WHERE case_id = '{@case}'");
            var deadlinesOfCase = $"SELECT COUNT(*) FROM deadlines WHERE partition_id = '{@case}'";

            // When: an Entwicklungsbericht arrives that names the meeting but not the case
            await db.ExecuteAsync($"""
                INSERT INTO reports (report_id, kind, organisation_id, case_id, meeting_id, period, received_date)
                SELECT 'R-NUR-HPG', 'entwicklungsbericht', provider_organisation_id, NULL, '{meeting}', NULL, '2026-11-20' FROM cases WHERE case_id = '{@case}'
                """);
            var keys = await db.QueryAsync<string>("SELECT scope || ':' || partition_id FROM fact_partition_changes");
            var scan = await RefreshAsync(worker);

            // Then: the meeting's case was recorded, read and judged again
            keys.ShouldBe([$"case:{@case}"]);
            scan.ChangedOnly.ShouldBeTrue();
            (scan.Partitions, scan.Evaluated).ShouldBe((1L, 1L));
            (await db.ScalarAsync<long>(deadlinesOfCase)).ShouldBeGreaterThan(0);
        }
    }
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Refresh_FailsWhileWritingTheChangedPartitions_KeepsTheKeysAndTheNextRefreshJudgesThem(TestEngine engine)
    {
        // Given: a change, and a deadlines table that refuses every insert (the disk full, the server gone mid-way)
        var (db, worker, mails) = await ScannedAsync(engine);
        using (db)
        using (worker)
        using (mails)
        {
            await db.ExecuteAsync("UPDATE appointments SET outcome = 'no_show' WHERE case_id = (SELECT MIN(case_id) FROM appointments)");
            if (engine == TestEngine.Sqlite)
            {
                await db.ExecuteAsync("CREATE TRIGGER tr_test_refuse BEFORE INSERT ON deadlines BEGIN SELECT RAISE(ABORT, 'kaputt'); END");
            }
            else
            {
                await db.ExecuteAsync("CREATE FUNCTION qev_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'kaputt'; END $$");
                await db.ExecuteAsync("CREATE TRIGGER tr_test_refuse BEFORE INSERT ON deadlines FOR EACH ROW EXECUTE FUNCTION qev_test_refuse()");
            }

            var keys = await db.QueryAsync<string>("SELECT scope || ':' || partition_id FROM fact_partition_changes ORDER BY 1");

            // When: the refresh fails, the table is repaired, and the next refresh runs
            await Should.ThrowAsync<Exception>(() => RefreshAsync(worker));
            var kept = await db.QueryAsync<string>("SELECT scope || ':' || partition_id FROM fact_partition_changes ORDER BY 1");
            await db.ExecuteAsync("DROP TRIGGER tr_test_refuse" + (engine == TestEngine.Sqlite ? "" : " ON deadlines"));
            var scan = await RefreshAsync(worker);
            var table = await TableAsync(db);
            await db.ExecuteAsync("UPDATE deadline_scans SET settings_fingerprint = 'other'");
            await RefreshAsync(worker);

            // Then: the failed refresh left its keys, the next one judged exactly that case, and the table is a full refresh's
            keys.Count.ShouldBe(1);
            kept.ShouldBe(keys);
            scan.ChangedOnly.ShouldBeTrue();
            (scan.Partitions, scan.Evaluated).ShouldBe((1L, 1L));
            (await KeysAsync(db)).ShouldBe(0);
            (await TableAsync(db)).ShouldBe(table);
        }
    }
}
