using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace QeV.Worker.Hosting;

/// <summary>Builds the host every command runs in: configuration, Serilog from configuration, and the services.</summary>
public static class QevHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args, string? db, bool quiet)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });

        var overrides = new Dictionary<string, string?>();
        if (db is not null)
        {
            overrides["Database:ConnectionString"] = db;
        }

        if (quiet)
        {
            // Commands print their results on stdout; the log stays on stderr and says only what went wrong.
            overrides["Serilog:MinimumLevel:Default"] = "Warning";
        }

        builder.Configuration.AddInMemoryCollection(overrides);

        var logger = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);

        builder.AddQevCore();
        return builder;
    }
}
