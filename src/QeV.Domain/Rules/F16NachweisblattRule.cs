using System.Globalization;
using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F16: "Die monatlich erbrachten Leistungen werden durch die Unterschrift der Klient*innen belegt (Nachweisblatt)
/// und ebenfalls monatlich der fallführenden Fachkraft zur Prüfung zur Verfügung gestellt." — per case with a provider
/// and month of the help (the last <c>LookBack</c> months up to the current one): a report of kind
/// <c>nachweisblatt</c> with <c>period</c> = yyyy-MM, due <c>Within</c> after the month (by default the last day of the
/// following month), moved to the next business day. A Nachweisblatt without period counts for the month before it
/// was received.
/// </summary>
public sealed class F16NachweisblattRule : IDeadlineRule
{
    public string Id => "F16";

    public string Name => "Nachweisblatt";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("Within", ParameterKind.Period, "so lange nach dem Ende des Leistungsmonats ist das Nachweisblatt fällig"),
        new("LookBack", ParameterKind.Period, "so weit zurück (ab dem laufenden Monat) werden Monate geprüft"),
    ];

    public string Recipients =>
        "Bezugsbetreuer/in; überfällig Eskalation an deren Teamleitung und einmal ein Hinweis an die fallführende Fachkraft";

    public string DescribeDue(RuleSettings settings) =>
        $"je Hilfe mit Träger und Leistungsmonat (die letzten {PeriodText.Of(settings.Period("LookBack"))} bis zum laufenden Monat): "
        + $"Monatsende + {PeriodText.Of(settings.Period("Within"))}, auf den Werktag danach; erfüllt durch einen Bericht `nachweisblatt` "
        + "mit `case_id` und `period` = JJJJ-MM";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var settings = context.Settings(Id);
        var within = settings.Period("Within");
        var thisMonth = new DateOnly(context.AsOf.Year, context.AsOf.Month, 1);
        var firstMonth = settings.Period("LookBack").From(thisMonth, -1, context.Calendar, context.DefaultState);
        var name = context.NameOf(this);
        foreach (var @case in facts.Cases.Where(c => c.ProviderOrganisationId is not null))
        {
            var keyWorker = facts.FindStaff(@case.KeyWorkerStaffId);
            var organisationId = keyWorker?.OrganisationId ?? @case.ProviderOrganisationId;
            var state = People.StateOf(facts, organisationId, context.DefaultState);
            var delivered = Periods(facts.ReportsByCase[@case.CaseId]);
            var start = new DateOnly(@case.StartDate.Year, @case.StartDate.Month, 1);
            for (var month = start > firstMonth ? start : firstMonth; month <= thisMonth; month = month.AddMonths(1))
            {
                if (!@case.RunsOn(month))
                {
                    break;
                }

                var due = context.Calendar.OnOrAfter(within.From(month.AddMonths(1), 1, context.Calendar, state).AddDays(-1), state);
                var deadline = new Deadline(
                    Id, string.Create(CultureInfo.InvariantCulture, $"{name} {month:MM/yyyy}"), SubjectType.Case, @case.CaseId,
                    @case.CaseId, @case.FileReference, due, context.StatusOf(due, delivered.Contains(month)),
                    @case.KeyWorkerStaffId, People.TeamLeadOf(facts, @case.KeyWorkerStaffId))
                {
                    InformedStaffId = @case.CaseManagerStaffId,
                    OrganisationId = organisationId,
                    Period = month,
                };

                // The sheet of a month the help still ran in is owed after the end as well: the last month's services are
                // proven and billed afterwards (a closing obligation). Only sheets that fell due before the end follow EndedHelp.
                if (@case.EndDate is { } end && due > end)
                {
                    yield return deadline;
                }
                else if (EndedHelp.Apply(deadline, @case, context) is { } kept)
                {
                    yield return kept;
                }
            }
        }
    }

    /// <summary>The months covered by the case's Nachweisblätter: their period, else the month before receipt.</summary>
    private static HashSet<DateOnly> Periods(IEnumerable<Report> reports)
    {
        var months = new HashSet<DateOnly>();
        foreach (var report in reports.Where(r => r.Kind == ReportKind.Nachweisblatt))
        {
            if (DateOnly.TryParseExact(report.Period?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                months.Add(month);
            }
            else if (string.IsNullOrWhiteSpace(report.Period))
            {
                months.Add(new DateOnly(report.ReceivedDate.Year, report.ReceivedDate.Month, 1).AddMonths(-1));
            }
        }

        return months;
    }
}
