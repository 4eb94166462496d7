using QeV.Domain.Tables;
using QeV.Worker.Sources;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Sources;

/// <summary>The scan's facts from a mapped PostgreSQL source: bad rows reported and left out, an unreachable source kept.</summary>
public sealed class SourcedFactLoaderTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    private static readonly string[] All = ImportCatalog.Tables.Select(t => t.Table).ToArray();

    private static async Task<(TestDatabase Store, Fachverfahren Source)> ArrangeAsync()
    {
        var store = await TestDatabase.CreateAsync();
        try
        {
            return (store, await Fachverfahren.DemoAsync(20));
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    [Fact]
    public async Task LoadAsync_EveryEntityMapped_GivesTheSourcesRows()
    {
        // Given
        var (store, source) = await ArrangeAsync();
        using var _ = store;
        using var __ = source;
        using var loader = SourceTestParts.Loader(store, SourceTestParts.Options(source, All));

        // When
        var facts = await loader.LoadAsync(Day, CancellationToken.None);

        // Then
        facts.Cases.Count.ShouldBe((int)await source.CountAsync("fv.hilfe"));
        facts.Meetings.Count.ShouldBe((int)await source.CountAsync("fv.hilfeplangespraech"));
        facts.Staff.Count.ShouldBe((int)await source.CountAsync("fv.person"));
        loader.Health.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task LoadAsync_UnknownStatusCode_ReportsSourceEntityKeyAndColumnAndKeepsTheGoodRows()
    {
        // Given: one meeting with a status code the mapping does not know
        var (store, source) = await ArrangeAsync();
        using var _ = store;
        using var __ = source;
        await source.ExecuteAsync("UPDATE fv.hilfeplangespraech SET status_code = 7 WHERE hpg_nr = (SELECT min(hpg_nr) FROM fv.hilfeplangespraech)");
        using var loader = SourceTestParts.Loader(store, SourceTestParts.Options(source, All));

        // When
        var facts = await loader.LoadAsync(Day, CancellationToken.None);

        // Then
        var problem = loader.Health.Problems.ShouldHaveSingleItem();
        problem.Source.ShouldBe("fachverfahren");
        problem.Entity.ShouldBe("meetings");
        problem.Column.ShouldBe("status");
        problem.Key.ShouldNotBeNull();
        facts.Meetings.Count.ShouldBe((int)await source.CountAsync("fv.hilfeplangespraech") - 1);
        facts.Meetings.ShouldNotContain(m => m.MeetingId == problem.Key);
        problem.ToDataProblem().Line.Problem.ShouldContain(problem.Key!);
    }

    [Fact]
    public async Task LoadAsync_CaseWithUnknownCaseManager_LeavesOutTheCaseAndWhatPointsAtIt()
    {
        // Given: a case whose case manager is not in the person table
        var (store, source) = await ArrangeAsync();
        using var _ = store;
        using var __ = source;
        await source.ExecuteAsync("UPDATE fv.hilfe SET fallfuehrung_nr = 'NIEMAND' WHERE hilfe_nr = (SELECT min(hilfe_nr) FROM fv.hilfe)");
        using var loader = SourceTestParts.Loader(store, SourceTestParts.Options(source, All));

        // When
        var facts = await loader.LoadAsync(Day, CancellationToken.None);

        // Then
        var caseProblem = loader.Health.Problems.First(p => p.Entity == "cases");
        caseProblem.Column.ShouldBe("case_manager_staff_id");
        facts.CaseById.ContainsKey(caseProblem.Key!).ShouldBeFalse();
        facts.Meetings.ShouldNotContain(m => m.CaseId == caseProblem.Key);
        facts.Cases.Count.ShouldBe((int)await source.CountAsync("fv.hilfe") - 1);
    }

    [Fact]
    public async Task LoadAsync_SourceGoneAfterAGoodRead_KeepsTheLastGoodFactsAndSaysSo()
    {
        // Given: one good read, then the source stops answering
        var (store, source) = await ArrangeAsync();
        using var _ = store;
        var options = SourceTestParts.Options(source, All);
        using var loader = SourceTestParts.Loader(store, options);
        var good = await loader.LoadAsync(Day, CancellationToken.None);
        source.Dispose();

        // When: a scan, then a restart (a new loader, nothing in memory) while the source is still down
        var kept = await loader.LoadAsync(Day, CancellationToken.None);
        using var restarted = SourceTestParts.Loader(store, options);
        var keptAfterRestart = await restarted.LoadAsync(Day, CancellationToken.None);

        // Then
        kept.Cases.Count.ShouldBe(good.Cases.Count);
        kept.Meetings.Count.ShouldBe(good.Meetings.Count);
        keptAfterRestart.Cases.Select(c => c.CaseId).ShouldBe(good.Cases.Select(c => c.CaseId), ignoreOrder: true);
        keptAfterRestart.Meetings.Count.ShouldBe(good.Meetings.Count);
        foreach (var health in new[] { loader.Health, restarted.Health })
        {
            health.AllReachable.ShouldBeFalse();
            health.KeptSince.Keys.ShouldBe(All, ignoreOrder: true);
            // One problem for the source, naming every entity it could not give, for the log and the admin report
            var problem = health.Problems.ShouldHaveSingleItem();
            problem.Source.ShouldBe("fachverfahren");
            problem.Reason.ShouldContain("nicht erreichbar");
            problem.Reason.ShouldContain("zuletzt gelesenen Daten vom");
            problem.Entity.ShouldContain("cases");
        }

        (await store.ScalarAsync<long>("SELECT COUNT(*) FROM source_reads WHERE failed_at IS NOT NULL AND good_at IS NOT NULL")).ShouldBe(All.Length);
    }

    [Fact]
    public async Task LoadAsync_SourceUnreachableWithoutEarlierRead_StopsInsteadOfEmptyingTheDeadlines()
    {
        // Given: a connection to a port where nothing listens
        using var store = await TestDatabase.CreateAsync();
        var options = new SourcesOptions();
        options.Connections["fachverfahren"] = new SourceConnectionOptions
        {
            Provider = "postgres", ConnectionString = "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=3",
        };
        options.Queries["cases"] = new SourceQueryOptions { Sql = "SELECT * FROM qev.cases" };
        using var loader = SourceTestParts.Loader(store, options);

        // When
        var ex = await Should.ThrowAsync<SourceUnavailableException>(() => loader.LoadAsync(Day, CancellationToken.None));

        // Then
        ex.Message.ShouldContain("fachverfahren");
        ex.Message.ShouldContain("cases");
    }
}
