using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Demo;
using QeV.Domain.Rules;
using QeV.Worker.Deadlines;
using QeV.Worker.Hosting;
using QeV.Worker.Reports;
using QeV.Worker.Scan;
using QeV.Worker.Store.Migrations;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Scan;

/// <summary>
/// What issue 10 added to the facts reaches the incremental scan (issue 9) as it reaches the evaluation over all facts:
/// an ended help (seed 000, Hilfeplanverfahren: the help's "Beendigung"; missed instances listed for 14 days, then gone
/// — a change by the day alone, on a case whose facts did not change), a provider that stops (organisations.active)
/// and the fields a deadline carries (help_ended_on, warning_from, progress) read back from the table.
/// </summary>
public sealed class ScanFactsOfRulesTests
{
    private static readonly DateOnly SeedDay = new(2026, 11, 23);

    private static IHost Host(TestDatabase db)
    {
        var host = QevHost.CreateBuilder([], db.ConnectionString, quiet: true).Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }

    private static List<string> Lines(IEnumerable<Deadline> deadlines) => deadlines
        .Select(d => $"{d.Key} {d.Status} ended={d.HelpEndedOn} warning={d.WarningFrom} progress={d.Progress}")
        .Order(StringComparer.Ordinal).ToList();

    private static async Task<ScanResult> ShouldMatchAsync(DeadlineService service, DateOnly day, string label)
    {
        var old = await service.EvaluateAsync(day, CancellationToken.None);
        var (fromTable, scan) = await service.FromTableAsync(day, null, includeFulfilled: true, CancellationToken.None);
        var expectedJson = DeadlineReport.ToJson(DeadlineReport.Select(old.Deadlines, day, 90, includeFulfilled: true));
        var actualJson = DeadlineReport.ToJson(DeadlineReport.Select(fromTable.Deadlines, day, 90, includeFulfilled: true));

        actualJson.ShouldBe(expectedJson, label);
        var expected = Lines(old.Deadlines);
        Lines(fromTable.Deadlines).ShouldBe(expected, label);
        expected.Count.ShouldBeGreaterThan(50, label);
        return scan.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FromTable_HelpsEndAndAProviderStops_MatchesEvaluationOverAllFactsDayByDay(TestEngine engine)
    {
        // Given: the demo data; eight running helps end on 30.11.2026
        using var db = await TestDatabase.CreateAsync(engine);
        await db.WriteAsync(DemoDataGenerator.Generate(78, SeedDay));
        using var host = Host(db);
        await host.Services.GetRequiredService<Migrator>().MigrateAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        var service = host.Services.GetRequiredService<DeadlineService>();
        var running = (await db.QueryAsync<string>("SELECT case_id FROM cases WHERE end_date IS NULL ORDER BY case_id")).Take(8).ToList();
        running.Count.ShouldBe(8);
        foreach (var id in running)
        {
            await db.ExecuteAsync("UPDATE cases SET end_date = @end WHERE case_id = @id", new { end = new DateOnly(2026, 11, 30), id });
        }

        // When / Then: one day after another on the same table; only the day moves the ended cases on
        await ShouldMatchAsync(service, SeedDay, $"{engine} running");
        await ShouldMatchAsync(service, new DateOnly(2026, 11, 30), $"{engine} last day");
        var ended = await ShouldMatchAsync(service, new DateOnly(2026, 12, 1), $"{engine} ended");
        ended.Full.ShouldBeFalse();
        ended.Evaluated.ShouldBeGreaterThanOrEqualTo(running.Count);
        var (listed, _) = await service.FromTableAsync(new DateOnly(2026, 12, 1), null, false, CancellationToken.None);
        listed.Deadlines.Count(d => d.HelpEndedOn == new DateOnly(2026, 11, 30)).ShouldBeGreaterThan(0);
        await ShouldMatchAsync(service, new DateOnly(2026, 12, 14), $"{engine} listed, last day");
        var gone = await ShouldMatchAsync(service, new DateOnly(2026, 12, 15), $"{engine} gone");
        gone.Full.ShouldBeFalse();
        var (after, _) = await service.FromTableAsync(new DateOnly(2026, 12, 15), null, false, CancellationToken.None);
        after.Deadlines.Where(d => d.CaseId is { } c && running.Contains(c) && d.HelpEndedOn is not null).ShouldBeEmpty();

        // And: a provider stops, and starts again
        var provider = (await db.QueryAsync<string>("SELECT organisation_id FROM organisations WHERE kind = 'traeger' ORDER BY organisation_id")).First();
        await db.ExecuteAsync("UPDATE organisations SET active = @no WHERE organisation_id = @provider", new { no = false, provider });
        await ShouldMatchAsync(service, new DateOnly(2026, 12, 15), $"{engine} provider stopped");
        var (stopped, _) = await service.FromTableAsync(new DateOnly(2026, 12, 15), null, false, CancellationToken.None);
        stopped.Deadlines.Where(d => d.OrganisationId == provider).ShouldBeEmpty();
        await db.ExecuteAsync("UPDATE organisations SET active = @yes WHERE organisation_id = @provider", new { yes = true, provider });
        await ShouldMatchAsync(service, new DateOnly(2026, 12, 15), $"{engine} provider again");
        var (again, _) = await service.FromTableAsync(new DateOnly(2026, 12, 15), null, false, CancellationToken.None);
        again.Deadlines.Count(d => d.OrganisationId == provider).ShouldBeGreaterThan(0);
    }
}
