using QeV.Worker.Facts;

namespace QeV.Worker.Rules;

/// <summary>
/// F06: "an drei aufeinander folgenden Terminen keine Mitwirkung … unverzüglich die fallführende Fachkraft zu
/// benachrichtigen" — each run of three appointments without cooperation makes one instance, due on the third.
/// </summary>
public sealed class F06MissedAppointmentsRule : IDeadlineRule
{
    public const int RunLength = 3;

    public string Id => "F06";

    public string Name => "Drei Termine ohne Mitwirkung";

    public IEnumerable<Deadline> Evaluate(FactSet facts, RuleContext context)
    {
        foreach (var @case in facts.Cases)
        {
            var keyWorker = facts.FindStaff(@case.KeyWorkerStaffId);
            var organisationId = keyWorker?.OrganisationId ?? @case.ProviderOrganisationId;
            foreach (var third in ThirdsOfRuns(facts.AppointmentsByCase[@case.CaseId]))
            {
                yield return new Deadline(
                    Id, Name, SubjectType.Case, @case.CaseId, @case.CaseId, @case.FileReference, third,
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
    public static IEnumerable<DateOnly> ThirdsOfRuns(IEnumerable<Appointment> appointments)
    {
        var run = 0;
        foreach (var appointment in appointments.OrderBy(a => a.Date).ThenBy(a => a.AppointmentId, IdComparer.Instance))
        {
            switch (appointment.Outcome)
            {
                case AppointmentOutcome.NoShow or AppointmentOutcome.CancelledByClientShortNotice:
                    run++;
                    if (run == RunLength)
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
