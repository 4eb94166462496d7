using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F14: "Innerhalb eines Jahres erhalten die Fachkräfte/ Mitarbeiter mindestens 8 Supervisionen in einem zeitlichen
/// Umfang von jeweils 120 Min." — per Fachkraft of a provider and calendar year: <c>supervision</c> trainings, each
/// counting as many sessions as it holds <c>SessionMinutes</c> (a 90-minute one counts none), must reach
/// <c>Sessions</c>. The provider owes it: the team lead acts, the provider's Leitung is told when it is overdue.
/// </summary>
public sealed class F14SupervisionRule : IDeadlineRule
{
    public string Id => "F14";

    public string Name => "Supervision";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new ParameterSpec("Sessions", ParameterKind.Count, "Mindestzahl an Supervisionen je Kalenderjahr"),
        new ParameterSpec("SessionMinutes", ParameterKind.Count, "Dauer einer Supervision in Minuten"),
        .. YearlyQuota.PaceParameters,
    ];

    public string Recipients =>
        "Teamleitung der Fachkraft für den Träger (bei der Teamleitung selbst: Leitung des Trägers); überfällig Eskalation an die Leitung des Trägers und einmal ein Hinweis an die Fachkraft";

    public string DescribeDue(RuleSettings settings) =>
        $"je Fachkraft eines Trägers und Kalenderjahr (laufendes und Vorjahr): mindestens {settings.Count("Sessions")} Supervisionen zu je "
        + $"{settings.Count("SessionMinutes")} Minuten (im Eintrittsjahr anteilig nach Monaten), fällig am letzten Werktag des Jahres; "
        + YearlyQuota.PaceText(settings);

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            return [];
        }

        var settings = context.Settings(Id);
        var minutes = Math.Max(1, settings.Count("SessionMinutes"));
        return YearlyQuota.Evaluate(this, facts, context, settings.Count("Sessions"),
            (staff, year) => facts.TrainingsByStaff[staff.StaffId]
                .Where(t => t.Kind == TrainingKind.Supervision && t.Date.Year == year)
                .Sum(t => t.Minutes / minutes),
            (staff, d) => d with
            {
                ResponsibleStaffId = People.LeadFor(facts, staff.StaffId),
                SupervisorStaffId = People.LeitungOf(facts, staff.OrganisationId),
                InformedStaffId = staff.StaffId,
            });
    }
}
