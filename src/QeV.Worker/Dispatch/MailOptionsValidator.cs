using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace QeV.Worker.Dispatch;

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
            else if (!smtp.UseStartTls && !smtp.AllowInsecure && !IsLoopback(smtp.Host))
            {
                failures.Add($"Mail:Smtp:UseStartTls ist aus, aber „{smtp.Host}“ ist kein lokaler Server: TLS einschalten oder Mail:Smtp:AllowInsecure=true setzen.");
            }

            if (string.IsNullOrEmpty(smtp.User) != string.IsNullOrEmpty(smtp.Password))
            {
                failures.Add("Mail:Smtp:User und Mail:Smtp:Password nur zusammen angeben.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
