using Microsoft.Extensions.Logging.Abstractions;
using QeV.Domain.Tables;
using QeV.Worker.Import;
using QeV.Worker.Store.Migrations;
using QeV.Worker.Store;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Support.ImportFiles;

namespace QeV.Worker.Tests.Store;

/// <summary>
/// The schema migrator on both engines: each migration once, recorded in schema_migrations; a re-run is a no-op that
/// keeps schema and data; concurrent starts on PostgreSQL serialise on the advisory lock.
/// </summary>
public sealed class MigratorTests
{
    private static readonly DateTimeOffset FirstRun = new(2026, 11, 23, 7, 30, 15, 250, TimeSpan.FromHours(1));

    private static readonly DateTimeOffset SecondRun = new(2026, 11, 24, 7, 30, 0, TimeSpan.FromHours(1));

    /// <summary>The tables the migrations create: one per import file, the notice ledger, and the history itself.</summary>
    private static readonly string[] ExpectedTables =
        [.. ImportCatalog.Tables.Select(t => t.Table), "notices", "data_problems", "schema_migrations", "deadlines", "deadline_partitions", "deadline_scans", "deadline_stage_plans", "worker_status", "notice_deliveries", "notice_events", "source_reads", "scan_generations", "scan_ranges", "fact_changes", "fact_partition_changes", "ledger_journal"];

    private sealed record Applied(int Version, string Name, DateTimeOffset AppliedAt);

    private static async Task<List<Applied>> HistoryAsync(TestDatabase db)
    {
        var handler = new DateTimeOffsetHandler();
        var rows = await db.QueryAsync<dynamic>("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
        return rows
            .Cast<IDictionary<string, object?>>()
            .Select(r => new Applied(Convert.ToInt32(r["version"], System.Globalization.CultureInfo.InvariantCulture), (string)r["name"]!, handler.Parse(r["applied_at"]!)))
            .ToList();
    }

    [Fact]
    public void MigrationCatalog_Versions_StartAtOneAndStrictlyAscend()
    {
        // Given: numbers are reserved per branch (HELPERS.md: M004 issue-8 … M008 issue-9), so a gap is allowed while a
        // reserved migration has not landed yet; order and uniqueness are not negotiable.
        var versions = MigrationCatalog.All.Select(m => m.Version).ToList();

        // Then
        versions[0].ShouldBe(1);
        versions.Zip(versions.Skip(1)).ShouldAllBe(pair => pair.First < pair.Second);
        MigrationCatalog.All.ShouldAllBe(m => !string.IsNullOrWhiteSpace(m.Name) && (!string.IsNullOrWhiteSpace(m.Sql) || m.DialectSql != null));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task MigrateAsync_FreshDatabase_RecordsEveryMigrationOnce(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateEmptyAsync(engine);

        // When
        var applied = await db.MigrateAsync(FirstRun);

        // Then
        applied.ShouldBe(MigrationCatalog.All.Count);
        (await HistoryAsync(db)).ShouldBe(MigrationCatalog.All.Select(m => new Applied(m.Version, m.Name, FirstRun)));
        (await DatabaseContent.TablesAsync(db.Database)).ShouldBe(ExpectedTables.Order(StringComparer.Ordinal));
        (await DatabaseContent.CountRowsAsync(db.Database)).Values.ShouldAllBe(count => count == 0);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task MigrateAsync_SecondRun_AppliesNothingAndChangesNothing(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateEmptyAsync(engine);
        await db.MigrateAsync(FirstRun);
        var schema = await DatabaseContent.SchemaAsync(db.Database);
        var content = await DatabaseContent.SnapshotAllTablesAsync(db.Database);

        // When
        var applied = await db.MigrateAsync(SecondRun);

        // Then
        applied.ShouldBe(0);
        (await DatabaseContent.SchemaAsync(db.Database)).ShouldBe(schema);
        (await DatabaseContent.SnapshotAllTablesAsync(db.Database)).ShouldBe(content);
        var history = await HistoryAsync(db);
        history.Count.ShouldBe(MigrationCatalog.All.Count);
        history.ShouldAllBe(a => a.AppliedAt == FirstRun);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task MigrateAsync_RerunOnDatabaseWithData_KeepsEveryRow(TestEngine engine)
    {
        // Given: facts from an import and a row in the ledger's data_problems.
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        await db.ExecuteAsync(
            """
            INSERT INTO data_problems (problem_key, staff_id, team_lead_staff_id, problem, context, first_seen, last_seen)
            VALUES (@key, @staff, NULL, @problem, @context, @first, @last)
            """,
            new
            {
                key = "S-4|inactive",
                staff = "S-4",
                problem = "inactive_key_worker",
                context = "Fall C-1: „Schlüsselperson“ ist inaktiv",
                first = new DateOnly(2026, 11, 2),
                last = new DateOnly(2026, 11, 23),
            });
        var before = await DatabaseContent.SnapshotAllTablesAsync(db.Database);

        // When
        var applied = await db.MigrateAsync(SecondRun);

        // Then
        applied.ShouldBe(0);
        (await DatabaseContent.SnapshotAllTablesAsync(db.Database)).ShouldBe(before);
        (await db.CountRowsAsync()).ShouldBe(MinimalCounts);
        (await db.LoadFactsAsync()).StaffById["S-3"].DisplayName.ShouldBe("Clara Fach");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task MigrateAsync_DatabaseOneVersionBehind_AppliesOnlyTheMissingMigration(TestEngine engine)
    {
        // Given: a database as the first release left it – facts imported, no ledger tables, history at version 1.
        using var db = await TestDatabase.CreateEmptyAsync(engine);
        await db.MigrateAsync(FirstRun);
        var currentSchema = await DatabaseContent.SchemaAsync(db.Database);
        await db.ExecuteAsync("DROP TABLE notices");
        await db.ExecuteAsync("DROP TABLE data_problems");
        // M023 drops two of the indexes M002 makes: a database without M002 has not had M023 either.
        await db.ExecuteAsync("DELETE FROM schema_migrations WHERE version IN (2, 23)");
        await db.ImportAsync(Minimal());
        var facts = await db.SnapshotAsync();

        // When
        var applied = await db.MigrateAsync(SecondRun);

        // Then
        applied.ShouldBe(2);
        (await HistoryAsync(db)).ShouldBe(MigrationCatalog.All
            .Select(m => new Applied(m.Version, m.Name, m.Version is 2 or 23 ? SecondRun : FirstRun)));
        (await DatabaseContent.SchemaAsync(db.Database)).ShouldBe(currentSchema);
        (await db.SnapshotAsync()).ShouldBe(facts);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task MigrateAsync_FourMigratorsStartedTogetherOnFreshDatabase_AllSucceedAndRecordEachVersionOnce(TestEngine engine)
    {
        // Given: four workers, each with its own Database and connection, held at a gate until all are ready.
        using var db = await TestDatabase.CreateEmptyAsync(engine);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var migrators = Enumerable.Range(0, 4)
            .Select(i => Task.Run(async () =>
            {
                var migrator = new Migrator(new Database(db.ConnectionString), NullLogger<Migrator>.Instance);
                await gate.Task;
                return await migrator.MigrateAsync(FirstRun.AddMinutes(i), CancellationToken.None);
            }))
            .ToList();

        // When
        gate.SetResult();
        var applied = await Task.WhenAll(migrators);

        // Then: together they applied each migration once, and the history holds each version exactly once.
        applied.Sum().ShouldBe(MigrationCatalog.All.Count);
        var history = await HistoryAsync(db);
        history.Select(h => (h.Version, h.Name)).ShouldBe(MigrationCatalog.All.Select(m => (m.Version, m.Name)));
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations")).ShouldBe(MigrationCatalog.All.Count);
        (await DatabaseContent.TablesAsync(db.Database)).ShouldBe(ExpectedTables.Order(StringComparer.Ordinal));
        (await db.ImportAsync(Minimal())).TotalInserted.ShouldBe(17);
    }
}
