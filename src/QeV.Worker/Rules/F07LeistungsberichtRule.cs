using QeV.Worker.Facts;

namespace QeV.Worker.Rules;

/// <summary>
/// F07: the provider's Leistungsbericht "im Abstand von 2 Jahren" after the QEV was concluded; due
/// concluded_date + 2·(n+1) years for n reports received since, moved to the next business day.
/// </summary>
public sealed class F07LeistungsberichtRule : IDeadlineRule
{
    public const int IntervalYears = 2;

    public string Id => "F07";

    public string Name => "Leistungsbericht";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        foreach (var agreement in facts.Agreements.Where(a => a.Kind == AgreementKind.Qev))
        {
            var received = facts.Reports.Count(r =>
                r.Kind == ReportKind.Leistungsbericht
                && r.OrganisationId == agreement.ProviderOrganisationId
                && r.ReceivedDate > agreement.ConcludedDate);
            var state = People.StateOf(facts, agreement.ProviderOrganisationId, context.DefaultState);
            var due = context.Calendar.OnOrAfter(agreement.ConcludedDate.AddYears(IntervalYears * (received + 1)), state);

            yield return new Deadline(
                Id, Name, SubjectType.Agreement, agreement.AgreementId, null, null, due, context.StatusOf(due),
                People.LeitungOf(facts, agreement.ProviderOrganisationId), null)
            {
                OrganisationId = agreement.ProviderOrganisationId,
                SupervisorStaffId = People.LeitungOf(facts, People.JugendamtFor(facts, agreement.ProviderOrganisationId)),
            };
        }
    }
}
