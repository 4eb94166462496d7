using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QeV.Worker.Demo;

public static class DemoRegistration
{
    /// <summary>Demo data for `run --demo` and `seed-demo`.</summary>
    public static IHostApplicationBuilder AddQevDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoSeeder>();
        return builder;
    }
}
