using System.Globalization;
using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// The shape of F13 and F14: an amount each Fachkraft of a provider must reach per calendar year, due on the year's
/// last business day, for this year and the previous one (the previous one only in January, when its shortfall is
/// reported once). The amount is prorated by the months the person was employed and not absent. Once the pace check day
/// has passed (e.g. 1 October) and less than the pace share (e.g. half) of the amount is reached, the instance carries a
/// warning stage (<see cref="Deadline.WarningFrom"/>), not a deadline of its own.
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
            $"Warnung (keine eigene Frist) ab dem {day:D2}.{month:D2}., wenn weniger als {share:P0} des Solls erreicht sind; ein Rückstand des Vorjahres wird im Januar einmal gemeldet und dann geschlossen");
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
                var months = MonthsAvailable(staff, year);
                if (months == 0)
                {
                    continue;
                }

                var required = quota * months / 12;
                var reached = done(staff, year);
                var due = context.Calendar.OnOrBefore(new DateOnly(year, 12, 31), state);
                var fulfilled = reached >= required;

                // A past year's shortfall is reported in January (overdue with its one escalation), then closed.
                if (year < context.AsOf.Year && !fulfilled && context.AsOf.Month > 1)
                {
                    continue;
                }

                // The pace check is a warning stage of the year's instance, not a deadline of its own.
                var check = new DateOnly(year, paceMonth, paceDay);
                var behind = !fulfilled && year == context.AsOf.Year && context.AsOf >= check && reached < paceShare * required;
                yield return route(staff, new Deadline(
                    rule.Id, name, SubjectType.Staff, staff.StaffId, null, null, due, context.StatusOf(due, fulfilled), null, null)
                {
                    OrganisationId = staff.OrganisationId,
                    WarningFrom = behind ? context.Calendar.OnOrAfter(check, state) : null,
                    Progress = string.Create(CultureInfo.GetCultureInfo("de-DE"), $"{reached:0.##} von {required:0.##}"),
                });
            }
        }
    }

    /// <summary>
    /// Months of the year the quota is owed for: a month counts when the person was employed (from employed_since) and
    /// not absent (absent_from … absent_until) on at least half of its days. Joining on 31 December or being on leave all
    /// year owes nothing.
    /// </summary>
    public static int MonthsAvailable(Staff staff, int year)
    {
        var months = 0;
        for (var month = 1; month <= 12; month++)
        {
            var days = DateTime.DaysInMonth(year, month);
            var available = 0;
            for (var day = 1; day <= days; day++)
            {
                var date = new DateOnly(year, month, day);
                if ((staff.EmployedSince is not { } since || date >= since) && !staff.IsAbsentOn(date))
                {
                    available++;
                }
            }

            if (2 * available >= days)
            {
                months++;
            }
        }

        return months;
    }
}
