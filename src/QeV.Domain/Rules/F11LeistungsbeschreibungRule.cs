using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F11: "Dem Jugendamt liegt eine aktuelle Leistungsbeschreibung … vor. Die Träger/ Leistungsanbieter überprüfen diese
/// in einem Zeitraum von drei Jahren" — one instance per provider with an agreement: the latest Leistungsbeschreibung
/// received + <c>Interval</c> (next business day); with none on record, due on the provider's first agreement (it is
/// submitted "im Vorfeld der Leistungserbringung").
/// </summary>
public sealed class F11LeistungsbeschreibungRule : IDeadlineRule
{
    public string Id => "F11";

    public string Name => "Überprüfung der Leistungsbeschreibung";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("Interval", ParameterKind.Period, "so lange nach der letzten Leistungsbeschreibung ist sie zu überprüfen"),
    ];

    public string Recipients => "Leitung des Trägers; überfällig Eskalation an die Leitung des Jugendamts";

    public string DescribeDue(RuleSettings settings) =>
        $"je Träger mit Vereinbarung: letzte eingereichte Leistungsbeschreibung + {PeriodText.Of(settings.Period("Interval"))}, auf den "
        + "Werktag danach; liegt keine vor: am Tag der ersten Vereinbarung";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var interval = context.Settings(Id).Period("Interval");
        var name = context.NameOf(this);
        foreach (var agreements in facts.Agreements.GroupBy(a => a.ProviderOrganisationId, StringComparer.Ordinal))
        {
            var providerId = agreements.Key;
            var state = People.StateOf(facts, providerId, context.DefaultState);
            var latest = facts.Reports
                .Where(r => r.Kind == ReportKind.Leistungsbeschreibung && r.OrganisationId == providerId)
                .Select(r => (DateOnly?)r.ReceivedDate)
                .Max();
            var due = latest is { } received
                ? context.Calendar.OnOrAfter(interval.From(received, 1, context.Calendar, state), state)
                : agreements.Min(a => a.ConcludedDate);
            yield return new Deadline(
                Id, name, SubjectType.Organisation, providerId, null, null, due, context.StatusOf(due),
                People.LeitungOf(facts, providerId), null)
            {
                OrganisationId = providerId,
                SupervisorStaffId = People.LeitungOf(facts, People.JugendamtFor(facts, providerId)),
            };
        }
    }
}
