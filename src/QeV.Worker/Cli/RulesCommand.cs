using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
using QeV.Worker.Hosting;
using QeV.Worker.Office;
using QeV.Worker.Profiles;

namespace QeV.Worker.Cli;

/// <summary>`qev rules [--profile P]`: the active catalogue in German with the profile's values; needs no database.</summary>
public static class RulesCommand
{
    public static Command Create()
    {
        var profile = new Option<string?>("--profile")
        {
            Description = $"Profil statt Rules:Profile ({string.Join(", ", BuiltInProfiles.Names)})",
        };
        var command = new Command("rules", "den aktiven Fristenkatalog mit den Werten des Profils ausgeben") { profile };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(null, quiet: true, (host, _) =>
        {
            var rules = host.Services.GetRequiredService<IOptions<RulesOptions>>().Value;
            var clock = host.Services.GetRequiredService<OfficeClock>();
            Console.Out.Write(CatalogTable.Render(rules.Profile, host.Services.GetServices<IDeadlineRule>(), clock.DefaultState));
            return Task.FromResult(0);
        }, ct, builder =>
        {
            if (parse.GetValue(profile) is { } name)
            {
                builder.Configuration.AddInMemoryCollection([new($"{RulesOptions.Section}:{RuleProfileBinder.ProfileKey}", name)]);
            }
        }, database: DatabaseUse.None));
        return command;
    }
}
