using System.ComponentModel.DataAnnotations;

namespace QeV.Worker.Settings;

/// <summary>Empty, or a folder that exists.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ExistingFolderOrEmptyAttribute : ValidationAttribute
{
    public ExistingFolderOrEmptyAttribute() : base("Ordner existiert nicht; erlaubt: ein vorhandener Ordner oder leer.") { }

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || Directory.Exists(text);
}
