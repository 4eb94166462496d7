using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QeV.Worker.Import;
using QeV.Worker.Notifications;
using QeV.Worker.Office;
using QeV.Worker.Operations;
using QeV.Worker.Deadlines;
using QeV.Worker.Scan;
using QeV.Worker.Scheduling;
using QeV.Worker.Store;
using QeV.Worker.Store.Migrations;
using Serilog;
using Serilog.Events;
using QeV.Worker.Settings;
using QeV.Worker.Sources;

namespace QeV.Worker.Hosting;

/// <summary>
/// The one place where the host is built: configuration (appsettings.json, environment, --db), Serilog from the
/// Serilog section only, and the core every command needs. Commands add their concerns (ledger, mail, schedule).
/// </summary>
public static class QevHost
{
    /// <summary>Until the host has read its settings: warnings and errors on stderr.</summary>
    public static Serilog.ILogger CreateBootstrapLogger() => new LoggerConfiguration()
        .MinimumLevel.Warning()
        .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
        .CreateBootstrapLogger();

    /// <summary>Builds the host after the settings Serilog reads itself are checked (one line naming the key).</summary>
    public static IHost Build(HostApplicationBuilder builder)
    {
        SerilogSettings.Check(builder.Configuration);
        return builder.Build();
    }

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

        // Sinks come from the Serilog section only (Serilog__WriteTo__9__Name=Seq adds Seq). Read when the host is built,
        // so that settings added after this method (tests, commands) count.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());

        builder
            .AddQevOffice()
            .AddQevStore()
            .AddQevMigrations()
            .AddQevRules()
            .AddQevScan()
            .AddQevSources()
            .AddQevImport()
            .AddQevOperations()
            .AddQevNotifications()
            .AddQevScheduleOptions();
        return builder;
    }
}
