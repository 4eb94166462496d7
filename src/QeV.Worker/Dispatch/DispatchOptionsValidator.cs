using Microsoft.Extensions.Options;
using QeV.Worker.Dispatch.Delivery;

namespace QeV.Worker.Dispatch;

/// <summary>
/// Checks across keys. A claim must outlive the longest delivery of one mail (every SMTP attempt timing out, plus the
/// waits between them); otherwise another instance could take a notice over while the first is still sending it.
/// </summary>
public sealed class DispatchOptionsValidator(IOptions<MailOptions> mail) : IValidateOptions<DispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatchOptions options)
    {
        var failures = new List<string>();
        if (options.RetryDelay <= TimeSpan.Zero || options.ClaimLease <= TimeSpan.Zero)
        {
            failures.Add("Notifications:RetryDelay und Notifications:ClaimLease müssen positiv sein.");
        }

        if (options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add("Notifications:MaxRetryDelay darf nicht kürzer sein als Notifications:RetryDelay.");
        }

        if (options.ImmediateRetryDelay < TimeSpan.Zero)
        {
            failures.Add("Notifications:ImmediateRetryDelay darf nicht negativ sein.");
        }

        MailOptions? mailOptions = null;
        try
        {
            mailOptions = mail.Value;
        }
        catch (OptionsValidationException)
        {
            // The mail settings report their own errors; the lease check needs valid ones.
        }

        if (mailOptions is not null && options.ClaimLease <= LongestDelivery(options, mailOptions))
        {
            failures.Add($"Notifications:ClaimLease ({options.ClaimLease}) muss länger sein als ein Zustellversuch höchstens dauert "
                + $"({LongestDelivery(options, mailOptions)}: Mail:Smtp:Timeout × (Notifications:ImmediateRetries + 1) plus Wartezeiten).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static TimeSpan LongestDelivery(DispatchOptions options, MailOptions mail)
    {
        var attempts = Math.Max(0, options.ImmediateRetries) + 1;
        var waits = options.ImmediateRetryDelay * (Math.Pow(2, attempts - 1) - 1);
        return mail.Smtp.Timeout * attempts + waits;
    }
}
