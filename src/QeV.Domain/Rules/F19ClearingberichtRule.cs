using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F19 (profile „bad-duerkheim“, beyond the Magdeburg catalogue): the Clearing "umfasst in der Regel einen Zeitraum
/// von drei Monaten" and ends with a standardised Clearingbericht — one instance per Clearing case
/// (<c>cases.clearing = true</c>), due Hilfebeginn + <c>Duration</c>, moved to the next business day; fulfilled by a
/// report of kind <c>clearingbericht</c> for the case.
/// </summary>
public sealed class F19ClearingberichtRule : IDeadlineRule
{
    public string Id => "F19";

    public string Name => "Clearingbericht";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("Duration", ParameterKind.Period, "Dauer des Clearings ab Hilfebeginn; an ihrem Ende ist der Clearingbericht fällig"),
    ];

    public string Recipients =>
        "Bezugsbetreuer/in des Trägers (ohne Träger: die fallführende Fachkraft); überfällig Eskalation an die Teamleitung und einmal ein Hinweis an die fallführende Fachkraft";

    public string DescribeDue(RuleSettings settings) =>
        $"je Clearing (`cases.clearing = true`): Hilfebeginn + {PeriodText.Of(settings.Period("Duration"))}, auf den Werktag danach; "
        + "erfüllt durch einen Bericht `clearingbericht` zur Hilfe";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var duration = context.Settings(Id).Period("Duration");
        var name = context.NameOf(this);
        foreach (var @case in facts.Cases.Where(c => c.Clearing))
        {
            var responsible = @case.KeyWorkerStaffId ?? @case.CaseManagerStaffId;
            var organisationId = facts.FindStaff(responsible)?.OrganisationId ?? @case.ProviderOrganisationId;
            var state = People.StateOf(facts, organisationId, context.DefaultState);
            var due = context.Calendar.OnOrAfter(duration.From(@case.StartDate, 1, context.Calendar, state), state);
            var received = facts.ReportsByCase[@case.CaseId].Any(r => r.Kind == ReportKind.Clearingbericht);
            yield return new Deadline(
                Id, name, SubjectType.Case, @case.CaseId, @case.CaseId, @case.FileReference, due, context.StatusOf(due, received),
                responsible, People.EscalationFor(facts, responsible))
            {
                InformedStaffId = responsible == @case.CaseManagerStaffId ? null : @case.CaseManagerStaffId,
                OrganisationId = organisationId,
            };
        }
    }
}
