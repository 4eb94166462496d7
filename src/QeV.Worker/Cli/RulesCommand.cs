using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        command.SetAction((parse, _) => Task.FromResult(Run(parse.GetValue(profile))));
        return command;
    }

    private static int Run(string? profile)
    {
        try
        {
            var builder = QevHost.CreateBuilder([], null, quiet: true);
            if (profile is not null)
            {
                builder.Configuration.AddInMemoryCollection([new($"{RulesOptions.Section}:{RuleProfileBinder.ProfileKey}", profile)]);
            }

            using var host = builder.Build();
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            var rules = host.Services.GetRequiredService<IOptions<RulesOptions>>().Value;
            var clock = host.Services.GetRequiredService<OfficeClock>();
            Console.Out.Write(CatalogTable.Render(rules.Profile, host.Services.GetServices<IDeadlineRule>(), clock.DefaultState));
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            Console.Error.WriteLine("Fehler in der Konfiguration: " + string.Join(" ", ex.Failures));
            return 2;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            var failures = ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures);
            Console.Error.WriteLine("Fehler in der Konfiguration: " + string.Join(" ", failures));
            return 2;
        }
    }
}
