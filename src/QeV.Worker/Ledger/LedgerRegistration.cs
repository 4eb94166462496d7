using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QeV.Worker.Ledger;

public static class LedgerRegistration
{
    /// <summary>The notice ledger (outbox) and the data problems found while routing.</summary>
    public static IHostApplicationBuilder AddQevLedger(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NoticeLedger>();
        builder.Services.AddSingleton<DataProblemStore>();
        return builder;
    }
}
