using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace QeV.Worker.Settings;

/// <summary>A section that several option classes share: every key in it must belong to one of them (typos are named).</summary>
public sealed class SectionKeysValidator<T>(IConfiguration configuration, string section, params Type[] owners) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var known = owners.SelectMany(t => t.GetProperties()).Where(p => p.CanWrite).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = configuration.GetSection(section).GetChildren().Where(c => !known.Contains(c.Key)).Select(c => c.Path).ToList();
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{string.Join(", ", unknown)}: unbekannte Einstellung (Tippfehler?); bekannt sind: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
    }
}
