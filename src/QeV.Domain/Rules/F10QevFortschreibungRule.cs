using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F10: "Das Jugendamt vereinbart gemeinsam mit den Trägern/ Leistungsanbietern im Rahmen der AG § 78 SGB VIII die
/// Fortschreibung der vorliegenden Qualitätsentwicklungsvereinbarung nach spätestens 3 Jahren." — one instance per
/// QEV, due <c>Within</c> after it was concluded (next business day); fulfilled once a later QEV of the same
/// provider is on record.
/// </summary>
public sealed class F10QevFortschreibungRule : IDeadlineRule
{
    public string Id => "F10";

    public string Name => "Fortschreibung der QEV";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("Within", ParameterKind.Period, "spätestens so lange nach dem Abschluss wird die QEV fortgeschrieben"),
    ];

    public string Recipients => "Leitung des Jugendamts; überfällig einmal ein Hinweis an die Leitung des Trägers";

    public string DescribeDue(RuleSettings settings) =>
        $"je QEV (`kind = qev`): Abschluss + {PeriodText.Of(settings.Period("Within"))}, auf den Werktag danach; erfüllt, sobald eine "
        + "spätere QEV desselben Trägers abgeschlossen ist";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var within = context.Settings(Id).Period("Within");
        var name = context.NameOf(this);
        var qevs = facts.Agreements.Where(a => a.Kind == AgreementKind.Qev).ToList();
        foreach (var agreement in qevs)
        {
            var jugendamt = People.JugendamtFor(facts, agreement.ProviderOrganisationId);
            var state = People.StateOf(facts, jugendamt, context.DefaultState);
            var due = context.Calendar.OnOrAfter(within.From(agreement.ConcludedDate, 1, context.Calendar, state), state);
            var renewed = qevs.Any(a => a.ProviderOrganisationId == agreement.ProviderOrganisationId && a.ConcludedDate > agreement.ConcludedDate);
            yield return new Deadline(
                Id, name, SubjectType.Agreement, agreement.AgreementId, null, null, due, context.StatusOf(due, renewed),
                People.LeitungOf(facts, jugendamt), null)
            {
                InformedStaffId = People.LeitungOf(facts, agreement.ProviderOrganisationId),
                OrganisationId = jugendamt,
            };
        }
    }
}
