using System.Globalization;
using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F13: "Jede Fachkraft … absolviert fachliche Fortbildungen im Umfang von mindestens 15,6 Arbeitsstunden pro Jahr."
/// — per Fachkraft of a provider and calendar year: the minutes of <c>fortbildung</c> trainings must reach
/// <c>Hours</c>; due on the year's last business day, with a pace warning (see <see cref="YearlyQuota"/>).
/// </summary>
public sealed class F13FortbildungRule : IDeadlineRule
{
    public string Id => "F13";

    public string Name => "Fortbildung";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new ParameterSpec("Hours", ParameterKind.Number, "Mindestumfang an Fortbildung je Kalenderjahr in Arbeitsstunden"),
        .. YearlyQuota.PaceParameters,
    ];

    public string Recipients => "die Fachkraft; überfällig Eskalation an ihre Teamleitung (bei der Teamleitung an die stellvertretende)";

    public string DescribeDue(RuleSettings settings) =>
        "je Fachkraft eines Trägers und Kalenderjahr (laufendes und Vorjahr): mindestens "
        + settings.Number("Hours").ToString("0.##", CultureInfo.GetCultureInfo("de-DE"))
        + " Stunden `fortbildung` (im Eintrittsjahr anteilig nach Monaten), fällig am letzten Werktag des Jahres; "
        + YearlyQuota.PaceText(settings);

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            return [];
        }

        var hours = context.Settings(Id).Number("Hours");
        return YearlyQuota.Evaluate(this, facts, context, hours,
            (staff, year) => facts.TrainingsByStaff[staff.StaffId]
                .Where(t => t.Kind == TrainingKind.Fortbildung && t.Date.Year == year)
                .Sum(t => (decimal)t.Minutes) / 60,
            (staff, d) => d with { ResponsibleStaffId = staff.StaffId, EscalationStaffId = People.EscalationFor(facts, staff.StaffId) });
    }
}
