using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace QeV.Worker.Settings;

/// <summary>
/// Binds a section and turns the binder's English exceptions ("Failed to convert configuration value at …") into one
/// German line that names the key, the value and what is allowed.
/// </summary>
public static partial class SettingsBinder
{
    public static void Bind<T>(IConfiguration configuration, string section, T options, bool rejectUnknownKeys)
        where T : class
    {
        var node = configuration.GetSection(section);
        try
        {
            node.Bind(options, b => b.ErrorOnUnknownConfiguration = rejectUnknownKeys);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(section, typeof(T), [Describe(ex, configuration, node)]);
        }
    }

    private static string Describe(InvalidOperationException ex, IConfiguration configuration, IConfigurationSection node)
    {
        // The innermost conversion failure names the key; an outer one may name only the enclosing object.
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (ConvertFailure().Match(e.Message) is { Success: true } convert)
            {
                var key = convert.Groups["key"].Value;
                return $"{key}: „{configuration[key]}“ ist ungültig; erlaubt: {Allowed(convert.Groups["type"].Value)}.";
            }

            if (UnknownKeys().Match(e.Message) is { Success: true } unknown)
            {
                var names = unknown.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries).Select(n => n.Trim('\''));
                var type = typeof(SettingsBinder).Assembly.GetType(unknown.Groups["type"].Value);
                var known = type is null ? "" : "; bekannt sind: " + string.Join(", ", type.GetProperties().Where(p => p.CanWrite).Select(p => p.Name));
                var keys = names.Select(n => FindKey(node, n) ?? $"{node.Path}:{n}");
                return $"{string.Join(", ", keys)}: unbekannte Einstellung (Tippfehler?){known}.";
            }
        }

        return $"{node.Path}: {ex.Message}";
    }

    /// <summary>What a value of this type may be, in words an administrator reads.</summary>
    public static string Allowed(string typeName)
    {
        var type = Type.GetType(typeName) ?? typeof(SettingsBinder).Assembly.GetType(typeName);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            { IsEnum: true } => string.Join(", ", Enum.GetNames(type)),
            _ when type == typeof(int) || type == typeof(long) => "eine ganze Zahl",
            _ when type == typeof(double) || type == typeof(decimal) => "eine Zahl",
            _ when type == typeof(bool) => "true oder false",
            _ when type == typeof(TimeSpan) => "eine Dauer wie 00:05:00 (Stunden:Minuten:Sekunden) oder 1.00:00:00 (ein Tag)",
            _ when type == typeof(DateOnly) => "ein Datum wie 2026-12-01",
            _ when type == typeof(Uri) => "eine URL wie http://localhost:4318",
            _ => type?.Name ?? typeName,
        };
    }

    private static string? FindKey(IConfigurationSection node, string name)
    {
        foreach (var child in node.GetChildren())
        {
            if (string.Equals(child.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return child.Path;
            }

            if (FindKey(child, name) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    public static string Invariant(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    [GeneratedRegex(@"configuration value (?:'[^']*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConvertFailure();

    [GeneratedRegex(@"not found on the instance of (?<type>[^:]+): (?<names>.+)$")]
    private static partial Regex UnknownKeys();
}
