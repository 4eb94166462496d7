using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QeV.Worker.Import;

public static class ImportRegistration
{
    /// <summary>CSV export of the Fachverfahren into the fact tables.</summary>
    public static IHostApplicationBuilder AddQevImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ImportWriter>();
        builder.Services.AddSingleton<Importer>();
        return builder;
    }
}
