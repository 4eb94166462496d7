using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F08 Trägergespräch, seed 000 annex: "Zur Reflexion und Steuerung des Leistungsangebotes erfolgt in regelmäßigen
/// Abständen, spätestens jedoch 12 Wochen nach Einreichen des Leistungsberichtes, ein Trägergespräch."
/// </summary>
public sealed class F08TraegergespraechRuleTests
{
    private static readonly DateOnly AsOf = new(2026, 4, 1);

    [Fact]
    public void Evaluate_LeistungsberichtReceived_DueTwelveWeeksLater()
    {
        // Given
        var facts = Facts().WithLeistungsbericht("R-1", new DateOnly(2026, 1, 30));

        // When
        var deadline = Evaluate(new F08TraegergespraechRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: Friday 2026-01-30 + 84 days = Friday 2026-04-24; the Jugendamt's Leitung acts
        deadline.DueDate.ShouldBe(new DateOnly(2026, 4, 24));
        deadline.SubjectType.ShouldBe(SubjectType.Organisation);
        deadline.SubjectId.ShouldBe(FactsBuilder.ProviderId);
        deadline.ResponsibleStaffId.ShouldBe("S-20");
        deadline.InformedStaffId.ShouldBe("S-30");
    }

    [Fact]
    public void Evaluate_TwelveWeeksEndOnChristmasDay_MovesPastHolidaysAndWeekend()
    {
        // Given
        var facts = Facts().WithLeistungsbericht("R-1", new DateOnly(2025, 10, 2));

        // When
        var deadline = Evaluate(new F08TraegergespraechRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: Thursday 2025-10-02 + 84 days = 2025-12-25; 26th a holiday, then the weekend: Monday 2025-12-29
        deadline.DueDate.ShouldBe(new DateOnly(2025, 12, 29));
    }

    [Theory]
    // held after the report, before the as-of day
    [InlineData("2026-03-10", DeadlineStatus.Fulfilled)]
    // held on the day the report came in
    [InlineData("2026-01-30", DeadlineStatus.Fulfilled)]
    // only planned (after the as-of day)
    [InlineData("2026-04-20", DeadlineStatus.Upcoming)]
    // before the report: belongs to the previous one
    [InlineData("2026-01-10", DeadlineStatus.Upcoming)]
    public void Evaluate_Dialogue_FulfilsWhenHeldOnOrAfterReceipt(string dialogue, DeadlineStatus expected)
    {
        // Given
        var facts = Facts()
            .WithLeistungsbericht("R-1", new DateOnly(2026, 1, 30))
            .WithDialogue("TG-1", RuleContexts.Day(dialogue));

        // When
        var deadline = Evaluate(new F08TraegergespraechRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_DialogueWithOtherProvider_DoesNotCount()
    {
        // Given
        var facts = Facts()
            .WithOrganisation("P-2", OrganisationKind.Traeger, "ST")
            .WithLeistungsbericht("R-1", new DateOnly(2026, 1, 30))
            .WithDialogue("TG-1", new DateOnly(2026, 3, 10), "P-2");

        // When
        var deadline = Evaluate(new F08TraegergespraechRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    private static FactsBuilder Facts() =>
        new FactsBuilder().WithLeitung("S-20", FactsBuilder.JugendamtId).WithLeitung("S-30", FactsBuilder.ProviderId);
}
