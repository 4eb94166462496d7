using Microsoft.Extensions.Options;

namespace QeV.Worker.Dispatch;

public sealed class DispatchOptionsValidator : IValidateOptions<DispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, DispatchOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add("Notifications:MaxAttempts muss zwischen 1 und 100 liegen.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.ClaimLease <= TimeSpan.Zero)
        {
            failures.Add("Notifications:RetryDelay und Notifications:ClaimLease müssen positiv sein.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
