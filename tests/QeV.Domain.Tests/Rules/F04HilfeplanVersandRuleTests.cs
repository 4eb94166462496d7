using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F04 Hilfeplan an alle Beteiligten, seed 000: "Der vollständige und unterzeichnete Hilfeplan wird allen
/// Beteiligten innerhalb von 14 Tagen zur Verfügung gestellt." (and the same for the Fortschreibung). Seed 002
/// (bad-duerkheim), Kap. 1.3: "… stellt diesen allen Beteiligten innerhalb von sechs Wochen zur Verfügung."
/// </summary>
public sealed class F04HilfeplanVersandRuleTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 1);

    [Fact]
    public void Evaluate_SameHeldHpg_FourteenDaysInMagdeburgSixWeeksInBadDuerkheim()
    {
        // Given: the first HPG on Monday 2025-02-10, the plan not yet sent
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 2, 10), MeetingKind.Initial);

        // When
        var magdeburg = Evaluate(new F04HilfeplanVersandRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();
        var badDuerkheim = Evaluate(new F04HilfeplanVersandRule(), facts, "bad-duerkheim", AsOf).ShouldHaveSingleItem();

        // Then: + 14 days = Monday 2025-02-24 (overdue on 2025-03-01); + 42 days = Monday 2025-03-24
        magdeburg.DueDate.ShouldBe(new DateOnly(2025, 2, 24));
        magdeburg.Status.ShouldBe(DeadlineStatus.Overdue);
        badDuerkheim.DueDate.ShouldBe(new DateOnly(2025, 3, 24));
        badDuerkheim.Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    [Theory]
    [InlineData("2025-02-20")]
    [InlineData("2025-03-10")]
    public void Evaluate_PlanSentInTimeOrLate_Fulfilled(string sent)
    {
        // Given
        var facts = new FactsBuilder()
            .WithMeetingRecord("M-1", new DateOnly(2025, 2, 10), MeetingKind.Initial, planSent: RuleContexts.Day(sent));

        // When
        var deadline = Evaluate(new F04HilfeplanVersandRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Fact]
    public void Evaluate_FortschreibungHeld_AlsoDue()
    {
        // Given: a Fortschreibung on Thursday 2025-12-11
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 12, 11), MeetingKind.Fortschreibung);

        // When
        var deadline = Evaluate(new F04HilfeplanVersandRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: + 14 days = Christmas Day 2025-12-25, then 26th and the weekend: Monday 2025-12-29
        deadline.DueDate.ShouldBe(new DateOnly(2025, 12, 29));
        deadline.ResponsibleStaffId.ShouldBe(FactsBuilder.CaseManagerId);
        deadline.EscalationStaffId.ShouldBe(FactsBuilder.JugendamtTeamLeadId);
    }

    [Theory]
    [InlineData(MeetingKind.Konkretisierung, MeetingStatus.Held)]
    [InlineData(MeetingKind.Initial, MeetingStatus.Planned)]
    [InlineData(MeetingKind.Fortschreibung, MeetingStatus.Cancelled)]
    public void Evaluate_KonkretisierungOrNotHeld_NoInstance(MeetingKind kind, MeetingStatus status)
    {
        // Given
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 2, 10), kind, status);

        // When
        var deadlines = Evaluate(new F04HilfeplanVersandRule(), facts, "magdeburg", AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }
}
