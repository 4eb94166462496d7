using System.Globalization;
using QeV.Domain.Periods;

namespace QeV.Domain.Profiles;

/// <summary>
/// One rule in one profile (section Rules:&lt;id&gt;): whether it is active, its name and source as the agreement
/// says them, its parameters and its notification stages.
/// </summary>
public sealed class RuleSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>The name of the obligation in this agreement (e.g. "Zielüberprüfung" in Bad Dürkheim for F01).</summary>
    public string? Name { get; set; }

    /// <summary>The obligation in German, one line (for the catalogue listing).</summary>
    public string? Obligation { get; set; }

    /// <summary>Where the agreement says it, quoted.</summary>
    public string? Source { get; set; }

    /// <summary>Values as text, e.g. Within = "14d"; parsed by the rule (checked at start by the validator).</summary>
    public Dictionary<string, string> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    public RuleNoticeOptions Stages { get; set; } = new();

    public string Text(string name) =>
        Parameters.TryGetValue(name, out var value)
            ? value.Trim()
            : throw new InvalidOperationException($"Parameter {name} fehlt im Profil.");

    public Period Period(string name) => Periods.Period.Parse(Text(name));

    /// <summary>An optional date: empty means none.</summary>
    public DateOnly? Date(string name) =>
        Text(name) is { Length: > 0 } text
            ? ParameterValues.TryDate(text, out var date) ? date : throw new FormatException($"{name}: „{text}“ ist kein Datum.")
            : null;

    public decimal Number(string name) => decimal.Parse(Text(name), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    public int Count(string name) => int.Parse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture);

    public (int Month, int Day) DayOfYear(string name) =>
        ParameterValues.TryDayOfYear(Text(name), out var day) ? day : throw new FormatException($"{name}: „{Text(name)}“ ist kein Tag MM-TT.");

    public IReadOnlyList<string> List(string name) => ParameterValues.List(Text(name));

    public RuleSettings Clone()
    {
        var copy = new RuleSettings
        {
            Enabled = Enabled,
            Name = Name,
            Obligation = Obligation,
            Source = Source,
            Stages = new RuleNoticeOptions
            {
                Enabled = Stages.Enabled,
                Reminders = [.. Stages.Reminders],
                OnDueDay = Stages.OnDueDay,
                EscalateAfter = Stages.EscalateAfter,
                RepeatOverdue = Stages.RepeatOverdue,
                Immediate = Stages.Immediate,
                CcEscalationOnLastReminder = Stages.CcEscalationOnLastReminder,
            },
        };
        foreach (var (key, value) in Parameters)
        {
            copy.Parameters[key] = value;
        }

        return copy;
    }
}
