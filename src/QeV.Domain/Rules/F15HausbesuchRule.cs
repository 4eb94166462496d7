using System.Globalization;
using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F15: "… sind in der Zeit der Hilfegewährung durch die fallführende Fachkraft 2 bis 3 direkte Kontakte jährlich im
/// Haushalt der Hilfeempfänger*innen … verpflichtend umzusetzen." — per case and help year (counted from Hilfebeginn;
/// the current one and the one before): at least <c>Visits</c> home visits (home_visits.csv) by the Jugendamt within it,
/// due on the help year's last business day. The last part-year (a help shorter than a year too) ends with the help and
/// owes its share of the days, rounded half up; after the end it follows the rules for ended helps.
/// </summary>
public sealed class F15HausbesuchRule : IDeadlineRule
{
    public string Id => "F15";

    public string Name => "Hausbesuche der fallführenden Fachkraft";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("Visits", ParameterKind.Count, "Mindestzahl direkter Kontakte im Haushalt je Hilfejahr"),
    ];

    public string Recipients => "fallführende Fachkraft; überfällig Eskalation an deren Teamleitung";

    public string DescribeDue(RuleSettings settings) =>
        $"je Hilfe und Hilfejahr (ab Hilfebeginn; laufendes und voriges): mindestens {settings.Count("Visits")} Hausbesuche "
        + "(`home_visits.csv`) der fallführenden Fachkraft (oder einer anderen Fachkraft des Jugendamts) im Hilfejahr, fällig am letzten "
        + "Werktag des Hilfejahres; das letzte Teiljahr endet mit der Hilfe und verlangt anteilig (nach Tagen, kaufmännisch gerundet)";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var visits = context.Settings(Id).Count("Visits");
        var name = context.NameOf(this);
        foreach (var @case in facts.Cases.Where(c => c.StartDate <= context.AsOf))
        {
            var organisationId = facts.FindStaff(@case.CaseManagerStaffId)?.OrganisationId;
            var state = People.StateOf(facts, organisationId, context.DefaultState);
            var current = (context.AsOf.Year - @case.StartDate.Year) + 1;
            while (@case.StartDate.AddYears(current - 1) > context.AsOf)
            {
                current--;
            }

            for (var year = Math.Max(1, current - 1); year <= current; year++)
            {
                var from = @case.StartDate.AddYears(year - 1);
                var fullUntil = @case.StartDate.AddYears(year).AddDays(-1);
                if (@case.EndDate is { } ended && ended < from)
                {
                    continue;
                }

                // The last part-year (and a help shorter than a year) ends with the help and owes its share.
                var until = @case.EndDate is { } end && end < fullUntil ? end : fullUntil;
                var required = Required(visits, from, until, fullUntil);
                if (required == 0)
                {
                    continue;
                }

                var count = facts.HomeVisitsByCase[@case.CaseId].Count(v => v.Date >= from && v.Date <= until && ByJugendamt(facts, v, @case));
                var due = context.Calendar.OnOrBefore(until, state);
                var deadline = new Deadline(
                    Id, name, SubjectType.Case, @case.CaseId, @case.CaseId, @case.FileReference, due, context.StatusOf(due, count >= required),
                    @case.CaseManagerStaffId, People.EscalationFor(facts, @case.CaseManagerStaffId))
                {
                    OrganisationId = organisationId,
                    Progress = string.Create(CultureInfo.InvariantCulture, $"{count} von {required}"),
                };
                if (EndedHelp.Apply(deadline, @case, context) is { } kept)
                {
                    yield return kept;
                }
            }
        }
    }

    /// <summary>
    /// Pro rata: <paramref name="visits"/> for a whole help year, the share of its days for a shorter one (rounded half
    /// up: 2 a year make 1 from about three months on, none for a help of a few weeks).
    /// </summary>
    public static int Required(int visits, DateOnly from, DateOnly until, DateOnly fullUntil)
    {
        var days = until.DayNumber - from.DayNumber + 1;
        var full = fullUntil.DayNumber - from.DayNumber + 1;
        return days >= full ? visits : (int)Math.Round(visits * (double)days / full, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// "durch die fallführende Fachkraft": the case manager's visits count, and those of another Fachkraft of the same
    /// Jugendamt (a former case manager, a stand-in); the provider's staff do not. A visit without staff counts.
    /// </summary>
    private static bool ByJugendamt(FactSet facts, HomeVisit visit, Case @case) =>
        visit.StaffId is not { } staffId
        || staffId == @case.CaseManagerStaffId
        || (facts.FindStaff(staffId)?.OrganisationId is { } organisation
            && organisation == facts.FindStaff(@case.CaseManagerStaffId)?.OrganisationId);
}
