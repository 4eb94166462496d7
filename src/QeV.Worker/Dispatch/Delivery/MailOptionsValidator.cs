using System.Net;
using Microsoft.Extensions.Options;

namespace QeV.Worker.Dispatch.Delivery;

/// <summary>Wrong mail settings stop the start, naming the key. Plain SMTP only to loopback unless explicitly allowed.</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (options.Mode == MailMode.Pickup && string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            failures.Add("Mail:PickupDirectory fehlt (Mail:Mode = Pickup).");
        }

        if (options.Mode == MailMode.Smtp)
        {
            var smtp = options.Smtp;
            if (string.IsNullOrWhiteSpace(smtp.Host))
            {
                failures.Add("Mail:Smtp:Host fehlt (Mail:Mode = Smtp).");
            }
            else if (!smtp.UseStartTls && !smtp.UsesImplicitTls && !smtp.AllowInsecure && !IsLoopback(smtp.Host))
            {
                failures.Add($"Mail:Smtp:UseStartTls ist aus, aber „{smtp.Host}“ ist kein lokaler Server: TLS einschalten oder Mail:Smtp:AllowInsecure=true setzen.");
            }

            if (!string.IsNullOrWhiteSpace(smtp.CertificateThumbprint) && !IsThumbprint(smtp.CertificateThumbprint))
            {
                failures.Add($"Mail:Smtp:CertificateThumbprint: „{smtp.CertificateThumbprint}“ ist kein SHA-1-Fingerabdruck (40 Hex-Zeichen).");
            }

            if (string.IsNullOrEmpty(smtp.User) != string.IsNullOrEmpty(smtp.Password))
            {
                failures.Add("Mail:Smtp:User und Mail:Smtp:Password nur zusammen angeben.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static string NormalizeThumbprint(string value) =>
        new([.. value.Where(c => !char.IsWhiteSpace(c) && c != ':').Select(char.ToUpperInvariant)]);

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    private static bool IsThumbprint(string value) => NormalizeThumbprint(value) is { Length: 40 } t && t.All(char.IsAsciiHexDigit);
}
