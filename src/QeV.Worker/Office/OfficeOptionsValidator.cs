using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;

namespace QeV.Worker.Office;

public sealed class OfficeOptionsValidator : IValidateOptions<OfficeOptions>
{
    public ValidateOptionsResult Validate(string? name, OfficeOptions options)
    {
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
        {
            failures.Add($"Office:TimeZone: „{options.TimeZone}“ ist keine bekannte Zeitzone (z. B. Europe/Berlin).");
        }

        if (!string.IsNullOrWhiteSpace(options.DefaultState) && !BundeslandCodes.TryParse(options.DefaultState, out _))
        {
            failures.Add($"Office:DefaultState: „{options.DefaultState}“ ist kein Bundesland-Kürzel (z. B. ST, RP, NW).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
