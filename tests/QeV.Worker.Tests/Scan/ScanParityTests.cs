using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Demo;
using QeV.Worker.Deadlines;
using QeV.Worker.Hosting;
using QeV.Worker.Reports;
using QeV.Worker.Store.Bulk;
using QeV.Worker.Store.Migrations;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Scan;

/// <summary>
/// Must not change (issue 9): the deadlines report from the incrementally refreshed deadlines table is row for row the
/// report of the old evaluation over all facts at once – on the demo data and on generated data, at several dates in a
/// row (the day-dependent path), after facts changed (the changed-partition path) and after settings changed (full).
/// </summary>
public sealed class ScanParityTests
{
    private static readonly DateOnly SeedDay = new(2026, 11, 23);

    private static readonly string[] Dates = ["2026-11-23", "2026-11-23", "2026-12-25", "2027-06-30", "2026-01-15", "2026-11-24"];

    private static IHost Host(TestDatabase db, string? profile = null)
    {
        var builder = QevHost.CreateBuilder([], db.ConnectionString, quiet: true);
        if (profile is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Rules:Profile"] = profile });
        }

        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }

    private static async Task ShouldMatchAsync(DeadlineService service, DateOnly day, string label)
    {
        var old = await service.EvaluateAsync(day, CancellationToken.None);
        var expected = DeadlineReport.ToJson(DeadlineReport.Select(old.Deadlines, day, 90, includeFulfilled: true));
        var (fromTable, _) = await service.FromTableAsync(day, day.AddDays(90), includeFulfilled: true, CancellationToken.None);
        var actual = DeadlineReport.ToJson(DeadlineReport.Select(fromTable.Deadlines, day, 90, includeFulfilled: true));

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], -1);
        first.ShouldBe(-1, first < 0 ? "" : $"{label}, line {first + 1}: old «{e[first]}», table «{a[first]}»");
        a.Length.ShouldBe(e.Length, label);
        old.Deadlines.Count.ShouldBeGreaterThan(50, label);
    }

    [Theory]
    [InlineEngineData("magdeburg")]
    [InlineEngineData("bad-duerkheim")]
    public async Task FromTable_DemoDataAtSeveralDatesAndAfterChanges_MatchesEvaluationOverAllFacts(TestEngine engine, string? profile)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        await db.WriteAsync(DemoDataGenerator.Generate(78, SeedDay));
        using var host = Host(db, profile);
        await host.Services.GetRequiredService<Migrator>().MigrateAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        var service = host.Services.GetRequiredService<DeadlineService>();

        // When / Then: one date after another on the same table
        foreach (var date in Dates)
        {
            await ShouldMatchAsync(service, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), $"{engine} {profile} {date}");
        }

        // When facts change: a meeting moves, a report arrives, an appointment and a whole case go, a team gets a new lead
        await db.ExecuteAsync("UPDATE meetings SET date = '2026-12-10' WHERE meeting_id = (SELECT MIN(meeting_id) FROM meetings WHERE status = 'planned')"
            .Replace("'2026-12-10'", engine == TestEngine.Postgres ? "DATE '2026-12-10'" : "'2026-12-10'", StringComparison.Ordinal));
        await db.ExecuteAsync("DELETE FROM appointments WHERE appointment_id = (SELECT MIN(appointment_id) FROM appointments)");
        var gone = await db.ScalarAsync<string>("SELECT MAX(case_id) FROM cases");
        foreach (var table in new[] { "meetings", "reports", "appointments", "home_visits", "cases" })
        {
            await db.ExecuteAsync($"DELETE FROM {table} WHERE case_id = @gone", new { gone });
        }

        await ShouldMatchAsync(service, SeedDay, $"{engine} {profile} after fact changes");
        await db.ExecuteAsync("UPDATE teams SET lead_staff_id = deputy_lead_staff_id WHERE team_id = (SELECT MIN(team_id) FROM teams)");
        await ShouldMatchAsync(service, SeedDay, $"{engine} {profile} after a new team lead");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FromTable_GeneratedData_MatchesEvaluationOverAllFactsAndSecondScanEvaluatesNothing(TestEngine engine)
    {
        // Given: generated data holds every optional fact (home visits, trainings, Nachweisblätter), so F13–F16 run
        using var db = await TestDatabase.CreateAsync(engine);
        using var host = Host(db);
        await host.Services.GetRequiredService<Migrator>().MigrateAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        await new SyntheticLoader(db.Database).LoadAsync(9, SeedDay, 1_500, null, CancellationToken.None);
        var service = host.Services.GetRequiredService<DeadlineService>();

        // When / Then
        await ShouldMatchAsync(service, SeedDay, $"{engine} generated");
        var (_, again) = await service.FromTableAsync(SeedDay, null, false, CancellationToken.None);
        again.ShouldNotBeNull();
        again.Full.ShouldBeFalse();
        again.Evaluated.ShouldBe(0);
        again.DayOnly.ShouldBe(0);
        again.Unchanged.ShouldBeTrue(); // nothing changed since: no fact read, nothing written (FactChangesTests)
        again.DeadlinesWritten.ShouldBe(0);
        await db.ExecuteAsync("UPDATE appointments SET outcome = 'no_show' WHERE case_id IN (SELECT case_id FROM cases WHERE case_id LIKE '%5')");
        var (_, changed) = await service.FromTableAsync(SeedDay, null, false, CancellationToken.None);
        changed!.Evaluated.ShouldBeInRange(100, 160);
        await ShouldMatchAsync(service, SeedDay.AddDays(3), $"{engine} generated, changed, three days on");
    }
}
