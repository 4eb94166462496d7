using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Facts.AppointmentOutcome;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F06 is an obligation to notify. Seed 000, Abrechnung: "Erfolgt seitens der Hilfeempfänger*innen an drei aufeinander
/// folgenden Terminen keine Mitwirkung, so ist unverzüglich die fallführende Fachkraft zu benachrichtigen." Once the
/// notice has been delivered, nothing more is owed: the instance is fulfilled.
/// </summary>
public sealed class F06NotifiedTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 25);

    private static FactsBuilder ThreeNoShows() =>
        new FactsBuilder().WithWeeklyAppointments(new DateOnly(2026, 3, 4), NoShow, CancelledByClientShortNotice, NoShow);

    [Fact]
    public void Evaluate_NoticeDelivered_Fulfilled()
    {
        // Given: the notice of the run ending on 18.03.2026 is in the ledger as sent
        var facts = ThreeNoShows().Build().WithNotified(new HashSet<string>(StringComparer.Ordinal) { "F06/C-17/2026-03-18" });

        // When
        var deadline = new F06MissedAppointmentsRule().Evaluate(facts, AsOf(AsOf)).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
        deadline.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_NoticeNotDelivered_StillOverdue()
    {
        // Given: a delivered notice of another run only
        var facts = ThreeNoShows().Build().WithNotified(new HashSet<string>(StringComparer.Ordinal) { "F06/C-17/2026-01-14" });

        // When
        var deadline = new F06MissedAppointmentsRule().Evaluate(facts, AsOf(AsOf)).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void WithCases_KeepsTheDeliveredNotices()
    {
        // Given
        var facts = ThreeNoShows().Build().WithNotified(new HashSet<string>(StringComparer.Ordinal) { "F06/C-17/2026-03-18" });

        // When
        var restricted = facts.WithCases(_ => true);

        // Then
        restricted.NotifiedDeadlines.ShouldContain("F06/C-17/2026-03-18");
    }
}
