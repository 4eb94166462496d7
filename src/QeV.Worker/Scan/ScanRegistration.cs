using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QeV.Worker.Scan;

public static class ScanRegistration
{
    /// <summary>The deadlines table: partitioned scans of the stored facts and reading it back.</summary>
    public static IHostApplicationBuilder AddQevScan(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScanSettings>();
        builder.Services.AddSingleton<ScanPhases>();
        builder.Services.AddSingleton<DeadlineScanner>();
        builder.Services.AddSingleton<DeadlineTableReader>();
        return builder;
    }
}
