using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using QeV.Worker.Hosting;
using QeV.Worker.Import;
using QeV.Worker.Office;
using QeV.Worker.Sources;
using QeV.Worker.Store;
using QeV.Worker.Store.Migrations;

namespace QeV.Worker.Cli;

/// <summary>
/// Runs one command inside a host: validates settings, checks and migrates the database, and turns known failures into
/// one German line and an exit code (2 for usage, settings and database problems, 1 for refused input). Anything else
/// reaches Program.cs, which logs it as fatal.
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(
        string? db,
        bool quiet,
        Func<IHost, CancellationToken, Task<int>> body,
        CancellationToken ct,
        Action<HostApplicationBuilder>? configure = null,
        Action? validateArguments = null,
        DatabaseUse database = DatabaseUse.CreateOrMigrate)
    {
        try
        {
            // Wrong arguments are reported before anything touches the database.
            validateArguments?.Invoke();
            var builder = QevHost.CreateBuilder([], db, quiet);
            configure?.Invoke(builder);
            using var host = QevHost.Build(builder);
            host.Services.GetRequiredService<IStartupValidator>().Validate();

            // Commands run without starting the host; resolving the providers starts the OTLP export (when Otlp:Endpoint
            // is set), and disposing the host at the end flushes it, so a short `run --once` is measured too.
            var meters = host.Services.GetService<MeterProvider>();
            var tracer = host.Services.GetService<TracerProvider>();
            if (database != DatabaseUse.None)
            {
                var store = host.Services.GetRequiredService<Database>();
                await DatabaseCheck.EnsureUsableAsync(store, mayCreate: database == DatabaseUse.CreateOrMigrate, thorough: false, ct);
                var clock = host.Services.GetRequiredService<OfficeClock>();
                await host.Services.GetRequiredService<Migrator>().MigrateAsync(clock.UtcNow, ct);
            }

            try
            {
                return await body(host, ct);
            }
            finally
            {
                // Before the host disposes the instruments: the last measurements of this run reach the collector.
                meters?.ForceFlush(5_000);
                tracer?.ForceFlush(5_000);
            }
        }
        catch (ImportFailedException ex)
        {
            foreach (var error in ex.Errors.Take(100))
            {
                await Console.Error.WriteLineAsync(error.ToString());
            }

            if (ex.Errors.Count > 100)
            {
                await Console.Error.WriteLineAsync($"… und {ex.Errors.Count - 100} weitere Fehler.");
            }

            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (Exception ex) when (Describe(ex) is { } message)
        {
            await Console.Error.WriteLineAsync(message);
            return 2;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Abgebrochen.");
            return 130;
        }
    }

    public static string? Describe(Exception ex) => ex switch
    {
        UsageException => ex.Message,
        OptionsValidationException o => "Fehler in der Konfiguration: " + string.Join(" ", o.Failures),
        AggregateException a when a.InnerExceptions.All(e => e is OptionsValidationException) =>
            "Fehler in der Konfiguration: " + string.Join(" ", a.InnerExceptions.Cast<OptionsValidationException>().SelectMany(o => o.Failures).Distinct()),
        SourceUnavailableException => "Quelle nicht nutzbar: " + ex.Message,
        _ => StoreFailure.Describe(ex),
    };
}
