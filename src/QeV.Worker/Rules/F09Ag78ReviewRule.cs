using QeV.Worker.Facts;

namespace QeV.Worker.Rules;

/// <summary>
/// F09: the AG § 78 reviews the professional standards "im Abstand von 3 Jahren" — due three years after the
/// Jugendamt's latest session, moved to the next business day.
/// </summary>
public sealed class F09Ag78ReviewRule : IDeadlineRule
{
    public const int IntervalYears = 3;

    public string Id => "F09";

    public string Name => "Überprüfung der Standards in der AG § 78";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        var sessionsOfJugendaemter = facts.Ag78Sessions
            .Where(s => facts.FindOrganisation(s.OrganisationId)?.Kind == OrganisationKind.Jugendamt);
        foreach (var sessions in sessionsOfJugendaemter.GroupBy(s => s.OrganisationId, StringComparer.Ordinal))
        {
            var latest = sessions.Max(s => s.Date);
            var state = People.StateOf(facts, sessions.Key, context.DefaultState);
            var due = context.Calendar.OnOrAfter(latest.AddYears(IntervalYears), state);

            yield return new Deadline(
                Id, Name, SubjectType.Organisation, sessions.Key, null, null, due, context.StatusOf(due),
                People.LeitungOf(facts, sessions.Key), null)
            {
                OrganisationId = sessions.Key,
            };
        }
    }
}
