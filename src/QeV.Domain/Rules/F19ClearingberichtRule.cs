using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F19 (profile „bad-duerkheim“, beyond the Magdeburg catalogue): the Clearing "umfasst in der Regel einen Zeitraum
/// von drei Monaten" and ends with a standardised Clearingbericht — one instance per Clearing case
/// (<c>cases.clearing = true</c>), due Hilfebeginn + <c>Duration</c>, moved to the next business day; fulfilled by a
/// report of kind <c>clearingbericht</c> for the case. A Clearing that ends early has its report due at its end.
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
        $"je Clearing (`cases.clearing = true`): Hilfebeginn + {PeriodText.Of(settings.Period("Duration"))} (endet die Hilfe früher: "
        + "ihr Ende), auf den Werktag danach; "
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
            // A Clearing that ended before its regular length has its report due at its end (a closing obligation, owed
            // after the end); a report missed within a help that ran on follows EndedHelp like any case obligation.
            var regular = duration.From(@case.StartDate, 1, context.Calendar, state);
            var endedEarly = @case.EndDate is { } end && end < regular;
            var due = context.Calendar.OnOrAfter(endedEarly ? @case.EndDate!.Value : regular, state);
            var received = facts.ReportsByCase[@case.CaseId].Any(r => r.Kind == ReportKind.Clearingbericht);
            var deadline = new Deadline(
                Id, name, SubjectType.Case, @case.CaseId, @case.CaseId, @case.FileReference, due, context.StatusOf(due, received),
                responsible, People.EscalationFor(facts, responsible))
            {
                InformedStaffId = responsible == @case.CaseManagerStaffId ? null : @case.CaseManagerStaffId,
                OrganisationId = organisationId,
            };
            if (endedEarly)
            {
                yield return deadline;
            }
            else if (EndedHelp.Apply(deadline, @case, context) is { } kept)
            {
                yield return kept;
            }
        }
    }
}
