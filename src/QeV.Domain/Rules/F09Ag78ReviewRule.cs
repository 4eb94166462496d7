using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F09: the AG § 78 reviews the professional standards "im Abstand von 3 Jahren" — due three years after the
/// Jugendamt's latest session, moved to the next business day.
/// </summary>
public sealed class F09Ag78ReviewRule : IDeadlineRule
{
    public string Id => "F09";

    public string Name => "Überprüfung der Standards in der AG § 78";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("Interval", ParameterKind.Period, "Abstand der Überprüfungen, gezählt ab der letzten Sitzung"),
    ];

    public string Recipients => "Leitung des Jugendamts";

    public string DescribeDue(RuleSettings settings) =>
        $"je Jugendamt mit Sitzungen: letzte Sitzung + {PeriodText.Of(settings.Period("Interval"))}, auf den Werktag danach";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var interval = context.Settings(Id).Period("Interval");
        var name = context.NameOf(this);
        var sessionsOfJugendaemter = facts.Ag78Sessions
            .Where(s => facts.FindOrganisation(s.OrganisationId)?.Kind == OrganisationKind.Jugendamt);
        foreach (var sessions in sessionsOfJugendaemter.GroupBy(s => s.OrganisationId, StringComparer.Ordinal))
        {
            var latest = sessions.Max(s => s.Date);
            var state = People.StateOf(facts, sessions.Key, context.DefaultState);
            var due = context.Calendar.OnOrAfter(interval.From(latest, 1, context.Calendar, state), state);

            yield return new Deadline(
                Id, name, SubjectType.Organisation, sessions.Key, null, null, due, context.StatusOf(due),
                People.LeitungOf(facts, sessions.Key), null)
            {
                OrganisationId = sessions.Key,
            };
        }
    }
}
