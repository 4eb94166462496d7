using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F07: the provider's Leistungsbericht "im Abstand von 2 Jahren" after the QEV was concluded; due
/// concluded_date + 2·(n+1) years for n reports received since, moved to the next business day. With
/// <c>NotBefore</c> (the 2017 text: "frühestens ab 01.01.2019") a first due date before it becomes that date, and
/// the later ones follow it at the interval.
/// </summary>
public sealed class F07LeistungsberichtRule : IDeadlineRule
{
    public string Id => "F07";

    public string Name => "Leistungsbericht";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("Interval", ParameterKind.Period, "Abstand der Leistungsberichte, gezählt ab dem Abschluss der QEV"),
        new("NotBefore", ParameterKind.Date, "frühester Termin des ersten Berichts (leer: keiner)"),
    ];

    public string Recipients =>
        "Leitung des Trägers (aktiv, kleinste staff_id); überfällig Eskalation an die Leitung des Jugendamts";

    public string DescribeDue(RuleSettings settings)
    {
        var interval = PeriodText.Of(settings.Period("Interval"));
        var notBefore = settings.Date("NotBefore") is { } date
            ? $"; liegt der erste Termin vor dem {date:dd.MM.yyyy}, gilt dieser Tag und die weiteren folgen im selben Abstand"
            : "";
        return $"je QEV (`kind = qev`): Abschluss + {interval} · (n+1), n = Leistungsberichte des Trägers nach dem Abschluss"
            + $"{notBefore}; auf den Werktag danach";
    }

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var settings = context.Settings(Id);
        var interval = settings.Period("Interval");
        var notBefore = settings.Date("NotBefore");
        var name = context.NameOf(this);
        foreach (var agreement in facts.Agreements.Where(a => a.Kind == AgreementKind.Qev))
        {
            var received = facts.Reports.Count(r =>
                r.Kind == ReportKind.Leistungsbericht
                && r.OrganisationId == agreement.ProviderOrganisationId
                && r.ReceivedDate > agreement.ConcludedDate);
            var state = People.StateOf(facts, agreement.ProviderOrganisationId, context.DefaultState);
            var first = interval.From(agreement.ConcludedDate, 1, context.Calendar, state);
            var scheduled = notBefore is { } earliest && first < earliest
                ? (interval with { Amount = interval.Amount * received }).From(earliest, 1, context.Calendar, state)
                : (interval with { Amount = interval.Amount * (received + 1) }).From(agreement.ConcludedDate, 1, context.Calendar, state);
            var due = context.Calendar.OnOrAfter(scheduled, state);

            yield return new Deadline(
                Id, name, SubjectType.Agreement, agreement.AgreementId, null, null, due, context.StatusOf(due),
                People.LeitungOf(facts, agreement.ProviderOrganisationId), null)
            {
                OrganisationId = agreement.ProviderOrganisationId,
                SupervisorStaffId = People.LeitungOf(facts, People.JugendamtFor(facts, agreement.ProviderOrganisationId)),
            };
        }
    }
}
