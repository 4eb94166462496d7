using System.ComponentModel.DataAnnotations;

namespace QeV.Worker.Settings;

/// <summary>Empty, or one e-mail address (the import's rule: no blanks, one address).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EmailOrEmptyAttribute : ValidationAttribute
{
    public EmailOrEmptyAttribute() : base("keine gültige E-Mail-Adresse; erlaubt: eine Adresse wie it@amt.example oder leer.") { }

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text)
        || (!text.Any(char.IsWhiteSpace) && System.Net.Mail.MailAddress.TryCreate(text, out var address) && address.Address == text);
}
