using System.ComponentModel.DataAnnotations;

namespace QeV.Worker.Office;

/// <summary>A time zone this machine knows (IANA id such as Europe/Berlin).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeZoneIdAttribute : ValidationAttribute
{
    public TimeZoneIdAttribute() : base("keine bekannte Zeitzone; erlaubt: eine IANA-Zeitzone wie Europe/Berlin.") { }

    public override bool IsValid(object? value) => value is string id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
