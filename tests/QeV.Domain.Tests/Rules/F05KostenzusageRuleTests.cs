using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F05 Kostenzusage, seed 000 (after the first Hilfeplangespräch): "Der Träger/ Leistungsanbieter erhält im
/// Zeitraum von 14 Tagen eine Kostenzusage durch das Jugendamt."
/// </summary>
public sealed class F05KostenzusageRuleTests
{
    private static readonly DateOnly AsOf = new(2025, 2, 24);

    [Fact]
    public void Evaluate_HeldFirstHpgWithoutApproval_DueFourteenDaysLater()
    {
        // Given
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 2, 10), MeetingKind.Initial);

        // When
        var deadline = Evaluate(new F05KostenzusageRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: Monday 2025-02-10 + 14 days = Monday 2025-02-24, the as-of day
        deadline.DueDate.ShouldBe(new DateOnly(2025, 2, 24));
        deadline.Status.ShouldBe(DeadlineStatus.Due);
        deadline.Name.ShouldBe("Kostenzusage");
    }

    [Fact]
    public void Evaluate_ApprovalRecorded_Fulfilled()
    {
        // Given
        var facts = new FactsBuilder()
            .WithMeetingRecord("M-1", new DateOnly(2025, 2, 10), MeetingKind.Initial, costApproval: new DateOnly(2025, 2, 18));

        // When
        var deadline = Evaluate(new F05KostenzusageRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Fact]
    public void Evaluate_Fortschreibung_NotInTheSentenceByDefault()
    {
        // Given
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 2, 10), MeetingKind.Fortschreibung);

        // When
        var deadlines = Evaluate(new F05KostenzusageRule(), facts, "magdeburg", AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }
}
