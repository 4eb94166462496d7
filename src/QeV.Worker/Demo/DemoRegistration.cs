using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QeV.Worker.Demo;

public static class DemoRegistration
{
    /// <summary>The demo seeder; only the demo command paths (run --demo, seed-demo) add it, never the core.</summary>
    public static IHostApplicationBuilder AddQevDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoSeeder>();
        return builder;
    }
}
