using System.Globalization;
using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// The shape of F13 and F14: an amount each Fachkraft of a provider must reach per calendar year, due on the year's
/// last business day, for this year and the previous one. In the first year of employment the amount is prorated
/// by months (from the month of employed_since). Once the pace check day has passed (e.g. 1 October) and a person
/// employed all year has done less than the pace share (e.g. half) of the amount, a second instance warns, due on that
/// day.
/// </summary>
internal static class YearlyQuota
{
    public static IReadOnlyList<ParameterSpec> PaceParameters { get; } =
    [
        new("PaceCheck", ParameterKind.DayOfYear, "Stichtag im Jahr für die Zwischenprüfung (MM-TT)"),
        new("PaceShare", ParameterKind.Number, "Anteil des Jahressolls, der bis zum Stichtag erreicht sein soll (0.5 = die Hälfte)"),
    ];

    public static string PaceText(RuleSettings settings)
    {
        var (month, day) = settings.DayOfYear("PaceCheck");
        var share = settings.Number("PaceShare");
        return string.Create(CultureInfo.GetCultureInfo("de-DE"),
            $"Warnung ab dem {day:D2}.{month:D2}., wenn bei ganzjährig Beschäftigten weniger als {share:P0} des Solls erreicht sind (fällig an diesem Tag)");
    }

    /// <summary>Active staff of providers who are Fachkräfte: role fachkraft, teamleitung or none.</summary>
    public static IEnumerable<Staff> Fachkraefte(FactSet facts) =>
        facts.Staff.Where(s => s.Active
            && (s.Role is null or StaffRole.Fachkraft or StaffRole.Teamleitung)
            && facts.FindOrganisation(s.OrganisationId)?.Kind == OrganisationKind.Traeger);

    public static IEnumerable<Deadline> Evaluate(
        IDeadlineRule rule,
        FactSet facts,
        RuleContext context,
        decimal quota,
        Func<Staff, int, decimal> done,
        Func<Staff, Deadline, Deadline> route)
    {
        var settings = context.Settings(rule.Id);
        var (paceMonth, paceDay) = settings.DayOfYear("PaceCheck");
        var paceShare = settings.Number("PaceShare");
        var name = context.NameOf(rule);
        foreach (var staff in Fachkraefte(facts))
        {
            var state = People.StateOf(facts, staff.OrganisationId, context.DefaultState);
            for (var year = context.AsOf.Year - 1; year <= context.AsOf.Year; year++)
            {
                var months = MonthsEmployed(staff, year);
                if (months == 0)
                {
                    continue;
                }

                var required = quota * months / 12;
                var reached = done(staff, year);
                var due = context.Calendar.OnOrBefore(new DateOnly(year, 12, 31), state);
                yield return route(staff, new Deadline(
                    rule.Id, name, SubjectType.Staff, staff.StaffId, null, null, due, context.StatusOf(due, reached >= required), null, null)
                {
                    OrganisationId = staff.OrganisationId,
                });

                var check = new DateOnly(year, paceMonth, paceDay);
                if (year == context.AsOf.Year && months == 12 && context.AsOf >= check && reached < paceShare * required)
                {
                    var warn = context.Calendar.OnOrAfter(check, state);
                    yield return route(staff, new Deadline(
                        rule.Id, name + ": Rückstand zum Stichtag", SubjectType.Staff, staff.StaffId, null, null, warn,
                        context.StatusOf(warn), null, null)
                    {
                        OrganisationId = staff.OrganisationId,
                    });
                }
            }
        }
    }

    /// <summary>12 for a whole year, fewer from the month of employed_since, 0 when employed only later.</summary>
    private static int MonthsEmployed(Staff staff, int year) => staff.EmployedSince switch
    {
        null => 12,
        { } since when since.Year < year => 12,
        { } since when since.Year == year => 13 - since.Month,
        _ => 0,
    };
}
