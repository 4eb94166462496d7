using System.ComponentModel.DataAnnotations;

namespace QeV.Worker.Settings;

/// <summary>Empty, or an absolute http or https URL.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : ValidationAttribute
{
    public HttpUrlAttribute() : base("erlaubt: eine http- oder https-URL wie http://localhost:4318 oder leer.") { }

    public override bool IsValid(object? value) =>
        value is not string text || text.Length == 0
        || (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");
}
