using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// F08 Trägergespräch, seed 000 (Anlage, line 606): "Zur Reflexion und Steuerung des Leistungsangebotes erfolgt in
/// regelmäßigen Abständen, spätestens jedoch 12 Wochen nach Einreichen des Leistungsberichtes, ein Trägergespräch."
/// The window of a report runs from its received day up to the day before the provider's next report, and only a
/// dialogue held by the day judged by counts. Each edge is tried the day before, on and after it.
/// </summary>
public sealed class F08DialogueWindowTests
{
    // Wednesday 14.01.2026 + 12 weeks (84 days) = Wednesday 08.04.2026 (after Easter Monday 06.04.).
    private static readonly DateOnly Received = new(2026, 1, 14);
    private static readonly DateOnly Due = new(2026, 4, 8);
    private static readonly DateOnly AsOf = new(2026, 3, 20);

    [Theory]
    [InlineData("2026-01-13", DeadlineStatus.Upcoming)] // the day before the report came in: it cannot reflect it
    [InlineData("2026-01-14", DeadlineStatus.Fulfilled)] // the day it came in
    [InlineData("2026-01-15", DeadlineStatus.Fulfilled)]
    public void Evaluate_DialogueAroundTheReceivedDay_CountsFromThatDayOn(string dialogue, DeadlineStatus expected)
    {
        // Given
        var facts = new FactsBuilder()
            .WithLeistungsbericht("R-1", Received)
            .WithDialogue("TG-1", Day(dialogue));

        // When
        var deadline = Evaluate(new F08TraegergespraechRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(Due);
        deadline.Status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-03-19", DeadlineStatus.Fulfilled)]
    [InlineData("2026-03-20", DeadlineStatus.Fulfilled)] // held on the day judged by
    [InlineData("2026-03-21", DeadlineStatus.Upcoming)] // only planned: not held yet
    public void Evaluate_DialogueAroundTheDayJudgedBy_CountsUpToThatDay(string dialogue, DeadlineStatus expected)
    {
        // Given
        var facts = new FactsBuilder()
            .WithLeistungsbericht("R-1", Received)
            .WithDialogue("TG-1", Day(dialogue));

        // When
        var deadline = Evaluate(new F08TraegergespraechRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-02-09", DeadlineStatus.Fulfilled, DeadlineStatus.Upcoming)] // the day before the next report: the first one's
    [InlineData("2026-02-10", DeadlineStatus.Upcoming, DeadlineStatus.Fulfilled)] // the day the next report came in: the next one's
    [InlineData("2026-02-11", DeadlineStatus.Upcoming, DeadlineStatus.Fulfilled)]
    public void Evaluate_DialogueAroundTheNextReport_BelongsToOneReportOnly(
        string dialogue, DeadlineStatus first, DeadlineStatus next)
    {
        // Given: the next Leistungsbericht came in on Tuesday 10.02.2026, due 84 days later on Tuesday 05.05.2026
        var facts = new FactsBuilder()
            .WithLeistungsbericht("R-1", Received)
            .WithLeistungsbericht("R-2", new DateOnly(2026, 2, 10))
            .WithDialogue("TG-1", Day(dialogue));

        // When
        var deadlines = Evaluate(new F08TraegergespraechRule(), facts, "magdeburg", AsOf);

        // Then
        deadlines.Select(d => (d.DueDate, d.Status)).OrderBy(x => x.DueDate).ShouldBe(
        [
            (Due, first),
            (new DateOnly(2026, 5, 5), next),
        ]);
    }

    [Fact]
    public void Evaluate_DialogueInTheWindowWithAnotherProvider_DoesNotCount()
    {
        // Given: the date would do, the provider does not
        var facts = new FactsBuilder()
            .WithLeistungsbericht("R-1", Received)
            .WithDialogue("TG-1", new DateOnly(2026, 2, 2), providerOrganisationId: "P-2");

        // When
        var deadline = Evaluate(new F08TraegergespraechRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    [Fact]
    public void Evaluate_OneOfTwoDialoguesInTheWindow_Fulfilled()
    {
        // Given: the provider's dialogue in the window, another provider's the day after
        var facts = new FactsBuilder()
            .WithLeistungsbericht("R-1", Received)
            .WithDialogue("TG-1", new DateOnly(2026, 2, 2))
            .WithDialogue("TG-2", new DateOnly(2026, 2, 3), providerOrganisationId: "P-2");

        // When
        var deadline = Evaluate(new F08TraegergespraechRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }
}
