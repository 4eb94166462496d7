using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace QeV.Worker.Settings;

/// <summary>
/// The Serilog section is read by Serilog itself, which throws deep inside the host for a wrong level and silently
/// drops a sink it cannot find. Checked before the host is built, with one line naming the key like every other setting.
/// </summary>
public static class SerilogSettings
{
    /// <summary>The sinks this binary carries.</summary>
    public static readonly string[] Sinks = ["Console", "File", "Seq"];

    public static void Check(IConfiguration configuration)
    {
        var failures = new List<string>();
        var serilog = configuration.GetSection("Serilog");
        var level = serilog.GetSection("MinimumLevel");
        var levels = new List<IConfigurationSection>();
        if (level.Value is not null)
        {
            levels.Add(level);
        }

        levels.Add(level.GetSection("Default"));
        levels.AddRange(level.GetSection("Override").GetChildren());
        foreach (var entry in levels.Where(e => e.Value is not null && !Enum.TryParse<LogEventLevel>(e.Value, ignoreCase: true, out _)))
        {
            failures.Add($"{entry.Path}: „{entry.Value}“ ist ungültig; erlaubt: {string.Join(", ", Enum.GetNames<LogEventLevel>())}.");
        }

        foreach (var sink in serilog.GetSection("WriteTo").GetChildren())
        {
            var name = sink.GetSection("Name");
            if (name.Value is { } value && !Sinks.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{name.Path}: „{value}“ ist unbekannt; erlaubt: {string.Join(", ", Sinks)}.");
            }
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException("Serilog", typeof(LogEventLevel), failures);
        }
    }
}
