using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
using QeV.Worker.Profiles;

namespace QeV.Worker.Deadlines;

public static class RulesRegistration
{
    /// <summary>The profile's rule values (Rules:Profile, overridden by Rules:&lt;id&gt;:…), the catalogue and the engine.</summary>
    public static IHostApplicationBuilder AddQevRules(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var rules = builder.Configuration.GetSection(RulesOptions.Section);
        services.AddOptions<RulesOptions>().Configure(o => RuleProfileBinder.Bind(rules, o)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RulesOptions>, RuleProfileValidator>();
        foreach (var rule in RuleCatalog.All)
        {
            services.AddSingleton(rule);
        }

        services.AddSingleton<DeadlineEngine>();
        services.AddSingleton<DeadlineService>();
        return builder;
    }
}
