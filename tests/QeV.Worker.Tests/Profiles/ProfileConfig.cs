using Microsoft.Extensions.Configuration;
using QeV.Domain.Profiles;
using QeV.Worker.Profiles;

namespace QeV.Worker.Tests.Profiles;

/// <summary>Binds section Rules from in-memory settings (keys below Rules:, e.g. "Profile" or "F04:Parameters:Within").</summary>
public static class ProfileConfig
{
    public static RulesOptions Bind(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("Rules:" + s.Key, s.Value)))
            .Build();
        var options = new RulesOptions();
        RuleProfileBinder.Bind(configuration.GetSection(RulesOptions.Section), options);
        return options;
    }

    /// <summary>A built-in profile as the binder would select it.</summary>
    public static RuleProfile Profile(string name) => BuiltInProfiles.Create(name) ?? throw new ArgumentException(name);
}
