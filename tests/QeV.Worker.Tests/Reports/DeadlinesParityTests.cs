using System.Text.Json;
using System.Text;
using QeV.Demo;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Reports;

/// <summary>
/// The same demo data in SQLite and in PostgreSQL gives the same deadlines report, byte for byte, from the real binary:
/// the engines may differ in types, row order and collation, the contract's output may not.
/// </summary>
public sealed class DeadlinesParityTests
{
    private const int Seed = 78;

    // The demo data set's "today": a Monday, an ordinary business day in Sachsen-Anhalt.
    private static readonly DateOnly SeedDay = new(2026, 11, 23);

    /// <summary>A SQLite and a PostgreSQL database of their own, both seeded with the demo data as `seed-demo` writes it.</summary>
    private static async Task<(TestDatabase Sqlite, TestDatabase Postgres)> SeedBothAsync()
    {
        var tables = DemoDataGenerator.Generate(Seed, SeedDay);
        var sqlite = await TestDatabase.CreateAsync(TestEngine.Sqlite);
        TestDatabase? postgres = null;
        try
        {
            postgres = await TestDatabase.CreateAsync(TestEngine.Postgres);
            await sqlite.WriteAsync(tables);
            await postgres.WriteAsync(tables);
            return (sqlite, postgres);
        }
        catch
        {
            postgres?.Dispose();
            sqlite.Dispose();
            throw;
        }
    }

    private static async Task<string> DeadlinesAsync(TestDatabase db, params string[] args)
    {
        var result = await QevProcess.RunAsync(db.Folder.Path, ["deadlines", .. args, "--db", db.ConnectionString]);
        result.ExitCode.ShouldBe(0, $"{db.Engine}: {result}");
        result.StdErr.ShouldBeEmpty($"{db.Engine}: {result}");
        return result.StdOut;
    }

    /// <summary>Byte equality, failing with the first line that differs rather than two whole reports.</summary>
    private static void ShouldBeByteIdentical(string postgres, string sqlite)
    {
        var p = postgres.Split('\n');
        var s = sqlite.Split('\n');
        var firstDifference = Enumerable.Range(0, Math.Min(p.Length, s.Length)).FirstOrDefault(i => p[i] != s[i], -1);
        firstDifference.ShouldBe(-1, firstDifference < 0 ? "" : $"line {firstDifference + 1}: PostgreSQL «{p[firstDifference]}», SQLite «{s[firstDifference]}»");
        p.Length.ShouldBe(s.Length, "line count");
        Encoding.UTF8.GetBytes(postgres).ShouldBe(Encoding.UTF8.GetBytes(sqlite));
    }

    [Theory]
    [InlineData("2026-11-23")] // the seed day, a business day: every status of the core rules
    [InlineData("2026-12-25")] // Christmas Day, a public holiday, four weeks on
    [InlineData("2027-06-30")] // seven months on: much of the data overdue
    public async Task Deadlines_DemoDataOnSqliteAndPostgres_PrintByteIdenticalJson(string asOf)
    {
        // Given
        var (sqlite, postgres) = await SeedBothAsync();
        using var _ = sqlite;
        using var __ = postgres;

        // When
        var onSqlite = await DeadlinesAsync(sqlite, "--as-of", asOf, "--format", "json", "--include-fulfilled");
        var onPostgres = await DeadlinesAsync(postgres, "--as-of", asOf, "--format", "json", "--include-fulfilled");

        // Then
        ShouldBeByteIdentical(onPostgres, onSqlite);
        using var json = JsonDocument.Parse(onSqlite);
        var rows = json.RootElement.EnumerateArray().ToList();
        rows.Count.ShouldBeGreaterThan(50);
        var statuses = rows.Select(r => r.GetProperty("status").GetString()).Distinct().ToList();
        statuses.ShouldContain("overdue");
        statuses.ShouldContain("upcoming");
        statuses.ShouldContain("fulfilled");
        rows.Select(r => r.GetProperty("rule").GetString()).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task Deadlines_AfterReimportInReverseOrder_PrintByteIdenticalJson()
    {
        // Given: every row written once more, last row first. PostgreSQL stores an updated row anew at the end of its
        // table, SQLite keeps it in place, so from here on the engines hand the facts over in different orders.
        var (sqlite, postgres) = await SeedBothAsync();
        using var _ = sqlite;
        using var __ = postgres;
        var reversed = DemoDataGenerator.Generate(Seed, SeedDay).Select(t => t with { Rows = t.Rows.Reverse().ToList() }).ToList();
        (await sqlite.WriteAsync(reversed)).TotalInserted.ShouldBe(0);
        (await postgres.WriteAsync(reversed)).TotalInserted.ShouldBe(0);

        // When
        var onSqlite = await DeadlinesAsync(sqlite, "--as-of", "2026-11-23", "--format", "json", "--include-fulfilled");
        var onPostgres = await DeadlinesAsync(postgres, "--as-of", "2026-11-23", "--format", "json", "--include-fulfilled");

        // Then
        ShouldBeByteIdentical(onPostgres, onSqlite);
    }

    [Fact]
    public async Task Deadlines_DemoDataOnSqliteAndPostgres_PrintIdenticalTable()
    {
        // Given: the table also prints names joined from the facts (umlauts, teams, deputies).
        var (sqlite, postgres) = await SeedBothAsync();
        using var _ = sqlite;
        using var __ = postgres;

        // When
        var onSqlite = await DeadlinesAsync(sqlite, "--as-of", "2026-11-23", "--format", "table", "--horizon-days", "400");
        var onPostgres = await DeadlinesAsync(postgres, "--as-of", "2026-11-23", "--format", "table", "--horizon-days", "400");

        // Then
        ShouldBeByteIdentical(onPostgres, onSqlite);
        onSqlite.ShouldContain("Fristen zum 23.11.2026");
    }
}
