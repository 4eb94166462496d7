using System.Collections.Concurrent;
using System.Text;

namespace QeV.Domain.Facts;

/// <summary>Contract codes (snake_case, as in CONTRACT.md) for the domain enums.</summary>
public static class Codes
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, object>> ByCode = new();

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => ToSnakeCase(value.ToString());

    public static bool TryParse<TEnum>(string? code, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (code is null)
        {
            return false;
        }

        var map = ByCode.GetOrAdd(typeof(TEnum), static t => Enum.GetValues(t).Cast<object>()
            .ToDictionary(v => ToSnakeCase(v.ToString()!), v => v, StringComparer.OrdinalIgnoreCase));
        if (!map.TryGetValue(code.Trim(), out var found))
        {
            return false;
        }

        value = (TEnum)found;
        return true;
    }

    public static TEnum Parse<TEnum>(string code) where TEnum : struct, Enum =>
        TryParse<TEnum>(code, out var value)
            ? value
            : throw new FormatException($"Unbekannter Wert '{code}' für {typeof(TEnum).Name}.");

    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => Of(v)).ToList();

    private static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
