using System.ComponentModel.DataAnnotations;
using QeV.Worker.Import;

namespace QeV.Worker.Hosting;

/// <summary>Empty, or one e-mail address (the import's rule: no blanks, one address).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EmailOrEmptyAttribute : ValidationAttribute
{
    public EmailOrEmptyAttribute() : base("keine gültige E-Mail-Adresse; erlaubt: eine Adresse wie it@amt.example oder leer.") { }

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || CellParser.IsEmail(text);
}
