using System.ComponentModel.DataAnnotations;

namespace QeV.Worker.Settings;

/// <summary>Empty, or one line of 3 to 200 characters without control characters (a name, a phone number, an address).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ContactLineAttribute : ValidationAttribute
{
    public const int MaxLength = 200;

    public ContactLineAttribute()
        : base("keine gültige Kontaktangabe; erlaubt: eine Zeile mit 3 bis 200 Zeichen, etwa \"Support Fachverfahren, Tel. 0391 540-1234, fachverfahren@amt.example\", oder leer.") { }

    public override bool IsValid(object? value) =>
        value is not string text || text.Length == 0
        || (text.Trim().Length >= 3 && text.Length <= MaxLength && !text.Any(char.IsControl));
}
