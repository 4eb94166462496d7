using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QeV.Worker.Store.Migrations;

public static class MigrationsRegistration
{
    /// <summary>The schema steps, applied by every command that opens the database.</summary>
    public static IHostApplicationBuilder AddQevMigrations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Migrator>();
        return builder;
    }
}
