using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace QeV.Worker.Sources;

public static class SourcesRegistration
{
    /// <summary>Sources:Connections and Sources:Queries, checked at start; the scan's fact loading over them.</summary>
    public static IHostApplicationBuilder AddQevSources(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SourcesOptions.Section);
        builder.Services.AddOptions<SourcesOptions>().Configure(o => SourcesBinder.Bind(section, o)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();
        builder.Services.AddSingleton<IFactSource, SqlFactSource>();
        builder.Services.AddSingleton<SourceCopy>();
        builder.Services.AddSingleton<SourcedFactLoader>();
        builder.Services.AddSingleton<SourcesCheck>();
        return builder;
    }
}
