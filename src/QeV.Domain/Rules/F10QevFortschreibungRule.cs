using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F10: "Das Jugendamt vereinbart gemeinsam mit den Trägern/ Leistungsanbietern im Rahmen der AG § 78 SGB VIII die
/// Fortschreibung der vorliegenden Qualitätsentwicklungsvereinbarung nach spätestens 3 Jahren." — one instance per
/// QEV (the rows of all providers with the same <c>qev_id</c>; a row without one is a QEV of its own), due
/// <c>Within</c> after the QEV's own date (<c>qev_date</c>, else the earliest <c>concluded_date</c>; next business day);
/// fulfilled once every active provider of it has a later QEV or an LEQ that includes the QEV.
/// </summary>
public sealed class F10QevFortschreibungRule : IDeadlineRule
{
    public string Id => "F10";

    public string Name => "Fortschreibung der QEV";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("Within", ParameterKind.Period, "spätestens so lange nach dem Abschluss wird die QEV fortgeschrieben"),
    ];

    public string Recipients => "Leitung des Jugendamts; überfällig einmal ein Hinweis an die Leitung des Trägers (bei einer QEV eines einzelnen Trägers)";

    public string DescribeDue(RuleSettings settings) =>
        $"je QEV (`kind = qev`; Zeilen mit derselben `qev_id` sind eine QEV für alle ihre Träger): Datum der QEV (`qev_date`, sonst "
        + $"frühester Abschluss) + {PeriodText.Of(settings.Period("Within"))}, auf den Werktag danach; erfüllt, sobald jeder aktive Träger "
        + "der QEV eine spätere QEV hat oder eine später abgeschlossene LEQ, die die QEV einschließt (`includes_qev`)";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var within = context.Settings(Id).Period("Within");
        var name = context.NameOf(this);
        var qevRows = facts.Agreements.Where(a => a.Kind == AgreementKind.Qev).ToList();
        foreach (var qev in qevRows.GroupBy(a => a.QevId ?? a.AgreementId, StringComparer.Ordinal))
        {
            // One QEV "einheitlich für alle … Träger" (seed 000 § 6 Nr. 1), counted from its own date, not from the day a
            // provider joined. Providers that have stopped are no longer party to it.
            var start = qev.Min(a => a.QevStart);
            var providers = qev.Select(a => a.ProviderOrganisationId).Distinct(StringComparer.Ordinal)
                .Where(p => facts.FindOrganisation(p)?.Active != false).ToList();
            if (providers.Count == 0)
            {
                continue;
            }

            var jugendamt = People.JugendamtFor(facts, providers.Order(IdComparer.Instance).First());
            var state = People.StateOf(facts, jugendamt, context.DefaultState);
            var due = context.Calendar.OnOrAfter(within.From(start, 1, context.Calendar, state), state);
            var renewed = providers.All(p => RenewedFor(facts, qev.Key, start, p));
            yield return new Deadline(
                Id, name, SubjectType.Agreement, qev.Key, null, null, due, context.StatusOf(due, renewed),
                People.LeitungOf(facts, jugendamt), null)
            {
                InformedStaffId = providers.Count == 1 ? People.LeitungOf(facts, providers[0]) : null,
                OrganisationId = jugendamt,
            };
        }
    }

    /// <summary>
    /// The QEV is renewed for a provider by a later QEV that provider is party to, or by an LEQ of that provider concluded
    /// after the QEV that includes it (seed 000 § 6 Nr. 2: "bei Abschluss einer neuen Leistungs- und Entgeltvereinbarung
    /// als Bestandteil dieser … (LEQ)").
    /// </summary>
    private static bool RenewedFor(FactSet facts, string qevKey, DateOnly start, string providerId) =>
        facts.Agreements.Any(a => a.ProviderOrganisationId == providerId && (
            (a.Kind == AgreementKind.Qev && (a.QevId ?? a.AgreementId) != qevKey && a.QevStart > start)
            || (a.Kind == AgreementKind.Leq && a.IncludesQev && a.ConcludedDate > start)));
}
