using Microsoft.Extensions.Options;
using QeV.Worker.Dispatch.Delivery;

namespace QeV.Worker.Dispatch;

/// <summary>
/// Checks across keys: the longest wait is not shorter than the first, and a claim outlives the longest delivery (every
/// SMTP attempt timing out, plus the waits between them); otherwise another instance could take a notice over while the
/// first is still sending it, and it would arrive twice.
/// </summary>
public sealed class DispatchOptionsValidator(IOptions<MailOptions> mail) : IValidateOptions<DispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatchOptions options)
    {
        if (options.RetryDelay > TimeSpan.Zero && options.MaxRetryDelay > TimeSpan.Zero && options.MaxRetryDelay < options.RetryDelay)
        {
            return ValidateOptionsResult.Fail(
                $"Notifications:MaxRetryDelay ({options.MaxRetryDelay}) darf nicht kürzer sein als Notifications:RetryDelay ({options.RetryDelay}).");
        }

        MailOptions mailOptions;
        try
        {
            mailOptions = mail.Value;
        }
        catch (OptionsValidationException)
        {
            // The mail settings report their own errors; this check needs valid ones.
            return ValidateOptionsResult.Skip;
        }

        var longest = LongestDelivery(options, mailOptions);
        return options.ClaimLease > longest
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Notifications:ClaimLease ({options.ClaimLease}) muss länger sein als ein Zustellversuch höchstens dauert ({longest}: "
                + "Mail:Smtp:Timeout × (Notifications:ImmediateRetries + 1) plus Wartezeiten).");
    }

    public static TimeSpan LongestDelivery(DispatchOptions options, MailOptions mail)
    {
        var attempts = Math.Max(0, options.ImmediateRetries) + 1;
        var waits = options.ImmediateRetryDelay * (Math.Pow(2, attempts - 1) - 1);
        return mail.Smtp.Timeout * attempts + waits;
    }
}
