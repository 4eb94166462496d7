using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F08: "Zur Reflexion und Steuerung des Leistungsangebotes erfolgt in regelmäßigen Abständen, spätestens jedoch 12
/// Wochen nach Einreichen des Leistungsberichtes, ein Trägergespräch." — one instance per Leistungsbericht, due
/// <c>Within</c> after its received date (next business day of the Jugendamt); fulfilled by a Trägergespräch with
/// the provider (provider_dialogues.csv) held on or after that date and not after the day judged by.
/// </summary>
public sealed class F08TraegergespraechRule : IDeadlineRule
{
    public string Id => "F08";

    public string Name => "Trägergespräch";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("Within", ParameterKind.Period, "so lange nach dem Eingang des Leistungsberichts findet das Trägergespräch statt"),
    ];

    public string Recipients => "Leitung des Jugendamts (für den Träger zuständig); überfällig einmal ein Hinweis an die Leitung des Trägers";

    public string DescribeDue(RuleSettings settings) =>
        $"je eingegangenem Leistungsbericht: Eingangsdatum + {PeriodText.Of(settings.Period("Within"))}, auf den Werktag danach; erfüllt "
        + "durch ein Trägergespräch mit dem Träger (`provider_dialogues.csv`) am oder nach dem Eingang";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var within = context.Settings(Id).Period("Within");
        var name = context.NameOf(this);
        foreach (var report in facts.Reports.Where(r => r.Kind == ReportKind.Leistungsbericht))
        {
            var jugendamt = People.JugendamtFor(facts, report.OrganisationId);
            var state = People.StateOf(facts, jugendamt, context.DefaultState);
            var due = context.Calendar.OnOrAfter(within.From(report.ReceivedDate, 1, context.Calendar, state), state);
            var held = facts.ProviderDialogues.Any(d =>
                d.ProviderOrganisationId == report.OrganisationId && d.Date >= report.ReceivedDate && d.Date <= context.AsOf);
            yield return new Deadline(
                Id, name, SubjectType.Organisation, report.OrganisationId, null, null, due, context.StatusOf(due, held),
                People.LeitungOf(facts, jugendamt), null)
            {
                InformedStaffId = People.LeitungOf(facts, report.OrganisationId),
                OrganisationId = jugendamt,
            };
        }
    }
}
