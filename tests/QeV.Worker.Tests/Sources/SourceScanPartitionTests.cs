using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Worker.Deadlines;
using QeV.Worker.Hosting;
using QeV.Worker.Store.Migrations;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Sources;

/// <summary>
/// With mapped sources the scan takes the partitioned, incremental path of the deadlines table (the path the
/// dispatcher's still-owed check takes too): a scan over unchanged source rows evaluates no partition, a changed source
/// row only its case's, and the table equals the evaluation over all facts.
/// </summary>
public sealed class SourceScanPartitionTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    [Fact]
    public async Task FromTable_MappedSources_ScansIncrementallyAndMatchesTheFullEvaluation()
    {
        // Given
        using var fachverfahren = await Fachverfahren.DemoAsync(40);
        using var store = await TestDatabase.CreateAsync();
        var builder = QevHost.CreateBuilder([], store.ConnectionString, quiet: true);
        builder.Configuration.AddInMemoryCollection(fachverfahren.Settings().ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value));
        using var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        await host.Services.GetRequiredService<Migrator>().MigrateAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        var service = host.Services.GetRequiredService<DeadlineService>();

        // When
        var (first, firstScan) = await service.FromTableAsync(Day, null, includeFulfilled: true, CancellationToken.None);
        var (_, again) = await service.FromTableAsync(Day, null, includeFulfilled: true, CancellationToken.None);
        await fachverfahren.ExecuteAsync("UPDATE fv.hilfeplangespraech SET termin = termin - interval '1 day' WHERE hpg_nr = (SELECT min(hpg_nr) FROM fv.hilfeplangespraech)");
        var (changed, changedScan) = await service.FromTableAsync(Day, null, includeFulfilled: true, CancellationToken.None);
        var all = await service.EvaluateAsync(Day, CancellationToken.None);

        // Then
        firstScan.ShouldNotBeNull("a scan with sources goes through the deadlines table");
        firstScan.Full.ShouldBeTrue();
        firstScan.Partitions.ShouldBeGreaterThanOrEqualTo(40);
        first.Deadlines.Count.ShouldBeGreaterThan(40);
        again.ShouldNotBeNull();
        again.Full.ShouldBeFalse();
        again.Evaluated.ShouldBe(0, "the sources' rows did not change");
        changedScan.ShouldNotBeNull();
        changedScan.Evaluated.ShouldBe(1, "one meeting changed: its case is judged again");
        changed.Deadlines.Select(d => d.Key).Order(StringComparer.Ordinal)
            .ShouldBe(all.Deadlines.Select(d => d.Key).Order(StringComparer.Ordinal));
    }
}
