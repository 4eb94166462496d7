using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Worker.Settings;

namespace QeV.Worker.Store;

public static class StoreRegistration
{
    /// <summary>The database (SQLite file or PostgreSQL), its migrations and the fact tables.</summary>
    public static IHostApplicationBuilder AddQevStore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);

        DateOnlyHandler.Register();
        DateTimeOffsetHandler.Register();
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddSingleton<Database>();
        services.AddSingleton<FactStore>();
        services.AddSingleton<WorkerStatusStore>();
        return builder;
    }
}
