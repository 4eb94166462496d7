using QeV.Domain.Facts;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// F06: "an drei aufeinander folgenden Terminen keine Mitwirkung … unverzüglich die fallführende Fachkraft zu
/// benachrichtigen" — each run of three appointments without cooperation makes one instance, due on the third.
/// </summary>
public sealed class F06MissedAppointmentsRule : IDeadlineRule
{
    public string Id => "F06";

    public string Name => "Drei Termine ohne Mitwirkung";

    public IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("RunLength", ParameterKind.Count, "so viele aufeinanderfolgende Termine ohne Mitwirkung lösen die Mitteilung aus"),
    ];

    public string Recipients =>
        "fallführende Fachkraft (sofort, auch außerhalb der Bürozeiten); in Kopie Bezugsbetreuer/in und deren Teamleitung";

    public string DescribeDue(RuleSettings settings) =>
        $"am Tag des {settings.Count("RunLength")}. aufeinanderfolgenden Termins ohne Mitwirkung (`no_show` oder kurzfristige "
        + "Absage zählen; `attended` beendet die Serie; andere Absagen und geplante Termine zählen nicht und beenden nicht); "
        + "je Serie eine Frist";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        if (!context.IsEnabled(Id))
        {
            yield break;
        }

        var runLength = context.Settings(Id).Count("RunLength");
        var name = context.NameOf(this);
        foreach (var @case in facts.Cases)
        {
            var keyWorker = facts.FindStaff(@case.KeyWorkerStaffId);
            var organisationId = keyWorker?.OrganisationId ?? @case.ProviderOrganisationId;
            foreach (var third in ThirdsOfRuns(facts.AppointmentsByCase[@case.CaseId], runLength))
            {
                yield return new Deadline(
                    Id, name, SubjectType.Case, @case.CaseId, @case.CaseId, @case.FileReference, third,
                    context.StatusOf(third), @case.KeyWorkerStaffId, People.TeamLeadOf(facts, @case.KeyWorkerStaffId))
                {
                    InformedStaffId = @case.CaseManagerStaffId,
                    OrganisationId = organisationId,
                };
            }
        }
    }

    /// <summary>
    /// no_show and short-notice cancellations count; attended ends the run; other outcomes neither count nor end it.
    /// </summary>
    public static IEnumerable<DateOnly> ThirdsOfRuns(IEnumerable<Appointment> appointments, int runLength = 3)
    {
        var run = 0;
        foreach (var appointment in appointments.OrderBy(a => a.Date).ThenBy(a => a.AppointmentId, IdComparer.Instance))
        {
            switch (appointment.Outcome)
            {
                case AppointmentOutcome.NoShow or AppointmentOutcome.CancelledByClientShortNotice:
                    run++;
                    if (run == runLength)
                    {
                        yield return appointment.Date;
                    }

                    break;
                case AppointmentOutcome.Attended:
                    run = 0;
                    break;
                default:
                    break;
            }
        }
    }
}
