using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace QeV.Worker.Settings;

/// <summary>
/// Checks the [Range], [Required], [Url], … attributes of an options class and of the option classes it contains,
/// reporting each failure as "Section:Key = „value“: message" so the administrator finds the line to fix.
/// </summary>
public sealed class AnnotatedOptionsValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Check(options, section, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Passwords never reach the console or the log, not even in an error message.</summary>
    private static string Redact(string name, string? value) =>
        name.Contains("Password", StringComparison.OrdinalIgnoreCase) ? "***"
        : System.Text.RegularExpressions.Regex.Replace(value ?? "", @"(?i)(password|pwd)\s*=\s*[^;]*", "$1=***");

    private static void Check(object options, string path, List<string> failures)
    {
        foreach (var property in options.GetType().GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(options);
            var key = $"{path}:{property.Name}";
            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = key };
            foreach (var attribute in property.GetCustomAttributes(typeof(ValidationAttribute), true).Cast<ValidationAttribute>())
            {
                if (attribute.GetValidationResult(value, context) is { } result && result != ValidationResult.Success)
                {
                    failures.Add($"{key} = „{Redact(property.Name, Convert.ToString(value, CultureInfo.InvariantCulture))}“: {result.ErrorMessage}");
                }
            }

            var type = property.PropertyType;
            if (value is not null && type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
                && type.Namespace?.StartsWith("QeV.", StringComparison.Ordinal) == true)
            {
                Check(value, key, failures);
            }
        }
    }
}
