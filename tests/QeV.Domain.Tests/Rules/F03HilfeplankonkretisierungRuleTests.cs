using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F03 Hilfeplankonkretisierung, seed 000: "Die Hilfeplankonkretisierung findet mit allen Beteiligten spätestens
/// 6-8 Wochen nach dem Hilfeplangespräch statt." Due at the end of the window (8 weeks), next business day.
/// </summary>
public sealed class F03HilfeplankonkretisierungRuleTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 3);

    [Fact]
    public void Evaluate_HeldFirstHpg_DueEightWeeksLater()
    {
        // Given
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 2, 10), MeetingKind.Initial);

        // When
        var deadline = Evaluate(new F03HilfeplankonkretisierungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: Monday 2025-02-10 + 56 days = Monday 2025-04-07
        deadline.DueDate.ShouldBe(new DateOnly(2025, 4, 7));
        deadline.SubjectType.ShouldBe(SubjectType.Meeting);
        deadline.SubjectId.ShouldBe("M-1");
        deadline.Status.ShouldBe(DeadlineStatus.Upcoming);
        deadline.ResponsibleStaffId.ShouldBe(FactsBuilder.CaseManagerId);
    }

    [Fact]
    public void Evaluate_EndOfWindowOnEasterMonday_MovesToTuesday()
    {
        // Given
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2026, 2, 9), MeetingKind.Initial);

        // When
        var deadline = Evaluate(new F03HilfeplankonkretisierungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: Monday 2026-02-09 + 56 days = Ostermontag 2026-04-06, on to Tuesday 2026-04-07
        deadline.DueDate.ShouldBe(new DateOnly(2026, 4, 7));
    }

    [Theory]
    [InlineData(MeetingStatus.Held, DeadlineStatus.Fulfilled)]
    [InlineData(MeetingStatus.Planned, DeadlineStatus.Upcoming)]
    [InlineData(MeetingStatus.Cancelled, DeadlineStatus.Upcoming)]
    public void Evaluate_Konkretisierung_FulfilsOnlyWhenHeld(MeetingStatus status, DeadlineStatus expected)
    {
        // Given
        var facts = new FactsBuilder()
            .WithMeetingRecord("M-1", new DateOnly(2025, 2, 10), MeetingKind.Initial)
            .WithMeetingRecord("M-2", new DateOnly(2025, 3, 24), MeetingKind.Konkretisierung, status);

        // When
        var deadline = Evaluate(new F03HilfeplankonkretisierungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_InitialOnlyPlanned_NoInstance()
    {
        // Given
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 2, 10), MeetingKind.Initial, MeetingStatus.Planned);

        // When
        var deadlines = Evaluate(new F03HilfeplankonkretisierungRule(), facts, "magdeburg", AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_BadDuerkheim_NoKonkretisierungInItsText()
    {
        // Given
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 2, 10), MeetingKind.Initial);

        // When
        var deadlines = Evaluate(new F03HilfeplankonkretisierungRule(), facts, "bad-duerkheim", AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }
}
