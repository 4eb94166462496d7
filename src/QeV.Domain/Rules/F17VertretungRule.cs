using QeV.Domain.Facts;
using QeV.Domain.Periods;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F17: "Bei längerfristigem Ausfall (über 6 Wochen) wird eine fachlich gleichwertige Fachkraft durch den Träger/
/// Leistungsanbieter in Absprache mit der fallführenden Fachkraft sowie den Leistungsberechtigten sichergestellt." —
/// per running case whose key worker is absent for more than <c>After</c> (absent_from … absent_until, an open end
/// counts) and not back yet: due when the absence passes that length, moved to the next business day; per running case
/// whose key worker has left (inactive): due at once. It ends when the case gets another key worker or the absence is
/// over, and is fulfilled while the key worker's deputy is active and present (the replacement is arranged).
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
        + "Werktag danach; ist sie ausgeschieden (inaktiv): sofort (ab `absent_from`, sonst ab Hilfebeginn); endet mit neuer "
        + "Bezugsbetreuung oder Rückkehr; erfüllt, solange ihre Vertretung (`deputy_staff_id`) aktiv und anwesend ist";

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
            if (facts.FindStaff(@case.KeyWorkerStaffId) is not { } keyWorker
                || Gap(keyWorker, @case, after, facts, context) is not { } limit)
            {
                continue;
            }

            var state = People.StateOf(facts, keyWorker.OrganisationId, context.DefaultState);
            var due = context.Calendar.OnOrAfter(limit, state);
            if (!@case.RunsOn(due))
            {
                continue;
            }

            var deadline = new Deadline(
                Id, name, SubjectType.Case, @case.CaseId, @case.CaseId, @case.FileReference, due,
                context.StatusOf(due, HasDeputy(keyWorker, facts, context.AsOf)), People.LeadFor(facts, keyWorker.StaffId), null)
            {
                InformedStaffId = @case.CaseManagerStaffId,
                SupervisorStaffId = People.LeitungOf(facts, keyWorker.OrganisationId),
                OrganisationId = keyWorker.OrganisationId,
            };
            if (EndedHelp.Apply(deadline, @case, context) is { } kept)
            {
                yield return kept;
            }
        }
    }

    /// <summary>
    /// From when a replacement is owed, or null when none is: an absence longer than <c>After</c> that is not over (its
    /// end), or a key worker who has left (staff.active = false): owed at once from the departure, recorded as
    /// <c>absent_from</c>, and with no date recorded from the start of the help, since nobody is coming back.
    /// </summary>
    private static DateOnly? Gap(Staff keyWorker, Case @case, Period after, FactSet facts, RuleContext context)
    {
        if (!keyWorker.Active)
        {
            return keyWorker.AbsentFrom is { } left && left > @case.StartDate ? left : @case.StartDate;
        }

        if (keyWorker.AbsentFrom is not { } from || keyWorker.AbsentUntil is { } back && back < context.AsOf)
        {
            return null;
        }

        var state = People.StateOf(facts, keyWorker.OrganisationId, context.DefaultState);
        var limit = after.From(from, 1, context.Calendar, state);
        return keyWorker.AbsentUntil is { } until && until < limit ? null : limit;
    }

    /// <summary>
    /// The replacement is arranged when the key worker's deputy (staff.deputy_staff_id) is someone else, active and not
    /// absent on the day judged: the seed's "fachlich gleichwertige Fachkraft … sichergestellt".
    /// </summary>
    private static bool HasDeputy(Staff keyWorker, FactSet facts, DateOnly asOf) =>
        facts.FindStaff(keyWorker.DeputyStaffId) is { Active: true } deputy
        && deputy.StaffId != keyWorker.StaffId
        && !deputy.IsAbsentOn(asOf);
}
