using System.Data;
using Microsoft.Data.SqlClient;
using QeV.Demo;
using QeV.Worker.Sources;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Store;

/// <summary>
/// SQL Server as the worker's own store and as a source, against the same checks SQLite and PostgreSQL pass. Runs
/// where QEV_TEST_SQLSERVER names a server or a Docker engine is reachable; skipped, with that reason, elsewhere.
/// </summary>
public sealed class SqlServerParityTests
{
    private static readonly DateOnly SeedDay = new(2026, 11, 23);

    private static async Task<string> DeadlinesAsync(TestDatabase db, string asOf)
    {
        var result = await QevProcess.RunAsync(db.Folder.Path,
            ["deadlines", "--as-of", asOf, "--format", "json", "--include-fulfilled", "--db", db.ConnectionString]);
        result.ExitCode.ShouldBe(0, $"{db.Engine}: {result}");
        return result.StdOut;
    }

    [SqlServerTheory]
    [InlineData("2026-11-23")]
    [InlineData("2027-06-30")]
    public async Task Deadlines_DemoDataOnSqlServerAndSqlite_PrintIdenticalJson(string asOf)
    {
        // Given
        var tables = DemoDataGenerator.Generate(78, SeedDay);
        using var sqlite = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        using var sqlServer = await TestDatabase.CreateAsync(TestEngine.SqlServer);
        await sqlite.WriteAsync(tables);
        await sqlServer.WriteAsync(tables);

        // When
        var onSqlite = await DeadlinesAsync(sqlite, asOf);
        var onSqlServer = await DeadlinesAsync(sqlServer, asOf);

        // Then
        onSqlServer.ShouldBe(onSqlite);
    }

    [SqlServerFact]
    public async Task WriteAsync_SameRowsAgain_UpdatesAndInsertsNothing()
    {
        // Given
        var tables = DemoDataGenerator.Generate(78, SeedDay, caseCount: 20);
        using var db = await TestDatabase.CreateAsync(TestEngine.SqlServer);
        var first = await db.WriteAsync(tables);

        // When
        var second = await db.WriteAsync(tables);

        // Then
        first.TotalInserted.ShouldBe(first.TotalRead);
        second.TotalInserted.ShouldBe(0);
        (await db.CountRowsAsync())["cases"].ShouldBe(20);
    }

    [SqlServerFact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        // Given
        using var db = await TestDatabase.CreateAsync(TestEngine.SqlServer);

        // When
        var applied = await db.MigrateAsync(DateTimeOffset.UnixEpoch.AddDays(1));

        // Then
        applied.ShouldBe(0);
    }

    [SqlServerFact]
    public async Task OpenReadOnlyAsync_SqlServerSource_RunsInASnapshotTransactionWithReadOnlyIntent()
    {
        // Given
        using var db = await TestDatabase.CreateAsync(TestEngine.SqlServer);
        var options = new SourceConnectionOptions { Provider = "sqlserver", ConnectionString = db.ConnectionString };

        // When
        await using var session = await new SqlServerSourceProvider().OpenReadOnlyAsync(options, CancellationToken.None);
        await using var command = session.Command(
            "SELECT transaction_isolation_level FROM sys.dm_exec_sessions WHERE session_id = @@SPID", TimeSpan.FromSeconds(10));
        var isolation = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // Then: 5 = SNAPSHOT (sys.dm_exec_sessions)
        isolation.ShouldBe(5);
        ((SqlTransaction)session.Transaction).IsolationLevel.ShouldBe(IsolationLevel.Snapshot);
        new SqlConnectionStringBuilder(session.Connection.ConnectionString).ApplicationIntent.ShouldBe(ApplicationIntent.ReadOnly);
    }
}
