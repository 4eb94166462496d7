using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F08, issue 10 point 8. Seed 000 annex, Ergebnisqualität: "Zur Reflexion und Steuerung des Leistungsangebotes erfolgt
/// in regelmäßigen Abständen, spätestens jedoch 12 Wochen nach Einreichen des Leistungsberichtes, ein Trägergespräch."
/// The Trägergespräch reflects the Leistungsbericht it follows: one held after this year's report does not also close
/// last year's, which was missed.
/// </summary>
public sealed class F08OneDialogueTests
{
    private static FactsBuilder Facts() =>
        new FactsBuilder().WithLeitung("S-20", FactsBuilder.JugendamtId).WithLeitung("S-30", FactsBuilder.ProviderId);

    [Fact]
    public void Evaluate_TwoReportsOneDialogueAfterTheSecond_OnlyTheSecondFulfilled()
    {
        // Given: Leistungsberichte received 30.01.2025 and 30.01.2026; the only Trägergespräch on 10.03.2026
        var facts = Facts()
            .WithLeistungsbericht("R-2025", new DateOnly(2025, 1, 30))
            .WithLeistungsbericht("R-2026", new DateOnly(2026, 1, 30))
            .WithDialogue("TG-1", new DateOnly(2026, 3, 10));

        // When
        var deadlines = Evaluate(new F08TraegergespraechRule(), facts, "magdeburg", new DateOnly(2026, 4, 1));

        // Then: 2025's report was due 24.04.2025 and never had its Trägergespräch
        deadlines.Count.ShouldBe(2);
        deadlines.Single(d => d.DueDate.Year == 2025).Status.ShouldBe(DeadlineStatus.Overdue);
        deadlines.Single(d => d.DueDate.Year == 2026).Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Fact]
    public void Evaluate_DialogueBetweenTwoReports_FulfilsTheEarlierOnly()
    {
        // Given: the Trägergespräch of 15.03.2025 follows the report of 30.01.2025; the next report came on 30.01.2026
        var facts = Facts()
            .WithLeistungsbericht("R-2025", new DateOnly(2025, 1, 30))
            .WithLeistungsbericht("R-2026", new DateOnly(2026, 1, 30))
            .WithDialogue("TG-1", new DateOnly(2025, 3, 15));

        // When
        var deadlines = Evaluate(new F08TraegergespraechRule(), facts, "magdeburg", new DateOnly(2026, 4, 1));

        // Then
        deadlines.Count.ShouldBe(2);
        deadlines.Single(d => d.DueDate.Year == 2025).Status.ShouldBe(DeadlineStatus.Fulfilled);
        deadlines.Single(d => d.DueDate.Year == 2026).Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    [Fact]
    public void Evaluate_DialogueOnTheDayTheNextReportCameIn_BelongsToTheNextReport()
    {
        // Given: a Trägergespräch held the day the new report arrived reflects the new report
        var facts = Facts()
            .WithLeistungsbericht("R-2025", new DateOnly(2025, 1, 30))
            .WithLeistungsbericht("R-2026", new DateOnly(2026, 1, 30))
            .WithDialogue("TG-1", new DateOnly(2026, 1, 30));

        // When
        var deadlines = Evaluate(new F08TraegergespraechRule(), facts, "magdeburg", new DateOnly(2026, 4, 1));

        // Then
        deadlines.Single(d => d.DueDate.Year == 2025).Status.ShouldBe(DeadlineStatus.Overdue);
        deadlines.Single(d => d.DueDate.Year == 2026).Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Fact]
    public void Evaluate_OtherProvidersNextReport_DoesNotCutThisProvidersWindow()
    {
        // Given: P-2's report of 01.02.2025 says nothing about P-1's Trägergespräch of 15.03.2025
        var facts = Facts()
            .WithOrganisation("P-2", OrganisationKind.Traeger, "ST")
            .WithLeistungsbericht("R-P1", new DateOnly(2025, 1, 30))
            .WithLeistungsbericht("R-P2", new DateOnly(2025, 2, 1), "P-2")
            .WithDialogue("TG-1", new DateOnly(2025, 3, 15));

        // When
        var deadlines = Evaluate(new F08TraegergespraechRule(), facts, "magdeburg", new DateOnly(2025, 6, 1));

        // Then
        deadlines.Count.ShouldBe(2);
        deadlines.Single(d => d.SubjectId == FactsBuilder.ProviderId).Status.ShouldBe(DeadlineStatus.Fulfilled);
        deadlines.Single(d => d.SubjectId == "P-2").Status.ShouldBe(DeadlineStatus.Overdue);
    }
}
