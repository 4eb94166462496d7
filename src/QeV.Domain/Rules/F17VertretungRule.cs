using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F17: "Bei längerfristigem Ausfall (über 6 Wochen) wird eine fachlich gleichwertige Fachkraft durch den Träger/
/// Leistungsanbieter in Absprache mit der fallführenden Fachkraft sowie den Leistungsberechtigten sichergestellt." —
/// per running case whose key worker is absent for more than <c>After</c> (absent_from … absent_until, an open end
/// counts) and not back yet: due when the absence passes that length, moved to the next business day. It ends when
/// the case gets another key worker or the absence is over.
/// </summary>
public sealed class F17VertretungRule : IDeadlineRule
{
    public string Id => "F17";

    public string Name => "Gleichwertige Vertretung bei längerem Ausfall";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("After", ParameterKind.Period, "ein Ausfall, der länger dauert, verlangt eine gleichwertige Fachkraft"),
    ];

    public string Recipients =>
        "Teamleitung der abwesenden Bezugsbetreuung für den Träger (ist sie selbst Teamleitung: Leitung des Trägers); überfällig Eskalation an die Leitung des Trägers und einmal ein Hinweis an die fallführende Fachkraft";

    public string DescribeDue(RuleSettings settings) =>
        $"je laufender Hilfe, deren Bezugsbetreuer/in länger als {PeriodText.Of(settings.Period("After"))} abwesend ist (`absent_from` … "
        + $"`absent_until`, offenes Ende zählt) und noch nicht zurück: `absent_from` + {PeriodText.Of(settings.Period("After"))}, auf den "
        + "Werktag danach; endet mit neuer Bezugsbetreuung oder Rückkehr";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var after = context.Settings(Id).Period("After");
        var name = context.NameOf(this);
        foreach (var @case in facts.Cases)
        {
            if (facts.FindStaff(@case.KeyWorkerStaffId) is not { AbsentFrom: { } from } keyWorker
                || keyWorker.AbsentUntil is { } back && back < context.AsOf)
            {
                continue;
            }

            var state = People.StateOf(facts, keyWorker.OrganisationId, context.DefaultState);
            var limit = after.From(from, 1, context.Calendar, state);
            if (keyWorker.AbsentUntil is { } until && until < limit)
            {
                continue;
            }

            var due = context.Calendar.OnOrAfter(limit, state);
            if (!@case.RunsOn(due))
            {
                continue;
            }

            yield return new Deadline(
                Id, name, SubjectType.Case, @case.CaseId, @case.CaseId, @case.FileReference, due, context.StatusOf(due),
                People.LeadFor(facts, keyWorker.StaffId), null)
            {
                InformedStaffId = @case.CaseManagerStaffId,
                SupervisorStaffId = People.LeitungOf(facts, keyWorker.OrganisationId),
                OrganisationId = keyWorker.OrganisationId,
            };
        }
    }
}
