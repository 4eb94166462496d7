using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace QeV.Worker.Sources;

/// <summary>
/// Binds the Sources section. A query may be written as a plain string (Sources:Queries:cases = "SELECT …", for the
/// only connection) or as Sql and Connection below the entity.
/// </summary>
public static class SourcesBinder
{
    public static void Bind(IConfigurationSection section, SourcesOptions options)
    {
        foreach (var connection in section.GetSection("Connections").GetChildren())
        {
            options.Connections[connection.Key] = new SourceConnectionOptions
            {
                Provider = connection["Provider"] ?? "",
                ConnectionString = connection["ConnectionString"] ?? "",
                Isolation = connection["Isolation"],
            };
        }

        foreach (var query in section.GetSection("Queries").GetChildren())
        {
            options.Queries[query.Key] = query.Value is { } sql
                ? new SourceQueryOptions { Sql = sql }
                : new SourceQueryOptions { Sql = query["Sql"] ?? "", Connection = query["Connection"] };
        }

        options.FullReadInterval = Duration(section, "FullReadInterval", options.FullReadInterval, options);
        options.CommandTimeout = Duration(section, "CommandTimeout", options.CommandTimeout, options);
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback, SourcesOptions options)
    {
        if (section[key] is not { Length: > 0 } raw)
        {
            return fallback;
        }

        if (TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        options.BindErrors.Add($"{SourcesOptions.Section}:{key}: „{raw}“ ist keine Dauer (z. B. 00:02:00).");
        return fallback;
    }
}
