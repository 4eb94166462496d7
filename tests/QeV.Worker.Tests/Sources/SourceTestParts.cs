using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QeV.Worker.Office;
using QeV.Worker.Sources;
using QeV.Worker.Store;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Sources;

/// <summary>The product's own parts for the in-process source tests.</summary>
public static class SourceTestParts
{
    public static OfficeClock Clock(TimeProvider? time = null) =>
        new(time ?? new ManualTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)), Microsoft.Extensions.Options.Options.Create(new OfficeOptions()));

    public static SourcesOptions Options(Fachverfahren fachverfahren, params string[] entities)
    {
        var options = new SourcesOptions();
        options.Connections["fachverfahren"] = new SourceConnectionOptions { Provider = "postgres", ConnectionString = fachverfahren.ConnectionString };
        foreach (var entity in entities)
        {
            options.Queries[entity] = new SourceQueryOptions { Sql = $"SELECT * FROM qev.{entity}" };
        }

        return options;
    }

    public static SourcedFactLoader Loader(TestDatabase store, SourcesOptions options, TimeProvider? time = null)
    {
        var clock = Clock(time);
        return new SourcedFactLoader(new FactStore(store.Database), new SourceCopy(store.Database), new SqlFactSource(Microsoft.Extensions.Options.Options.Create(options), clock),
            clock, Microsoft.Extensions.Options.Options.Create(options), NullLogger<SourcedFactLoader>.Instance);
    }
}
