using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace QeV.Worker.Notifications;

/// <summary>"HH:mm-HH:mm" with the end after the start.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OfficeHoursAttribute : ValidationAttribute
{
    public OfficeHoursAttribute() : base("kein Zeitraum; erlaubt: HH:mm-HH:mm wie 07:00-18:00, Ende nach Beginn.") { }

    public override bool IsValid(object? value)
    {
        var parts = (value as string ?? "").Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until)
            && until > from;
    }
}
