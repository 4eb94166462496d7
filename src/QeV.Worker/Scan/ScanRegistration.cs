using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QeV.Worker.Settings;

namespace QeV.Worker.Scan;

public static class ScanRegistration
{
    /// <summary>The deadlines table: partitioned scans of the stored facts (shared by instances on PostgreSQL) and reading it back.</summary>
    public static IHostApplicationBuilder AddQevScan(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ScanOptions>(ScanOptions.Section);
        builder.Services.AddSingleton<ScanSettings>();
        builder.Services.AddSingleton<ScanPhases>();
        builder.Services.AddSingleton<ScanProgress>();
        builder.Services.AddSingleton<SharedScan>();
        builder.Services.AddSingleton<DeadlineScanner>();
        builder.Services.AddSingleton<DeadlineTableReader>();
        return builder;
    }
}
