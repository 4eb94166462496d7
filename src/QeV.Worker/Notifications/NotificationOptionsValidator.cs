using System.Globalization;
using Microsoft.Extensions.Options;
using QeV.Worker.Import;

namespace QeV.Worker.Notifications;

public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var failures = new List<string>();
        var parts = (options.OfficeHours ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until)
            || until <= from)
        {
            failures.Add($"Notifications:OfficeHours: „{options.OfficeHours}“ ist kein Zeitraum wie 07:00-18:00.");
        }

        if (!string.IsNullOrWhiteSpace(options.AdminEmail) && !CellParser.IsEmail(options.AdminEmail))
        {
            failures.Add($"Notifications:AdminEmail: „{options.AdminEmail}“ ist keine gültige E-Mail-Adresse.");
        }

        if (!string.IsNullOrWhiteSpace(options.TemplateFolder) && !Directory.Exists(options.TemplateFolder))
        {
            failures.Add($"Notifications:TemplateFolder: Ordner „{options.TemplateFolder}“ existiert nicht.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
