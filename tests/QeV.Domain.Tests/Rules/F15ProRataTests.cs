using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F15, issue 10 point 5. Seed 000 annex "Fallbegleitung": "… sind in der Zeit der Hilfegewährung durch die fallführende
/// Fachkraft 2 bis 3 direkte Kontakte jährlich im Haushalt der Hilfeempfänger*innen … verpflichtend umzusetzen." Owed for
/// every help, pro rata for a part-year (a help shorter than a year, the last part-year), and only the Jugendamt's
/// visits count, not the provider's. The default case starts on Wednesday 15.01.2025; 2 visits a year.
/// </summary>
public sealed class F15ProRataTests
{
    [Fact]
    public void Evaluate_HelpOfFourMonthsWithoutVisit_OneVisitOwedAtItsEnd()
    {
        // Given: 15.01. … 31.05.2025, 137 of 365 days: 2 × 137 / 365 = 0.75, one visit
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 1, 15), new DateOnly(2025, 5, 31));

        // When
        var deadline = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", new DateOnly(2025, 5, 20)).ShouldHaveSingleItem();

        // Then: Saturday 31.05. → the last business day, Friday 30.05.2025
        deadline.DueDate.ShouldBe(new DateOnly(2025, 5, 30));
        deadline.Status.ShouldBe(DeadlineStatus.Upcoming);
        deadline.Progress.ShouldBe("0 von 1");
    }

    [Fact]
    public void Evaluate_HelpOfFourMonthsWithOneVisit_Fulfilled()
    {
        // Given
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 1, 15), new DateOnly(2025, 5, 31))
            .WithHomeVisit("HB-1", new DateOnly(2025, 3, 12));

        // When
        var deadline = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", new DateOnly(2025, 5, 20)).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Fact]
    public void Evaluate_HelpOfThreeWeeks_NothingOwed()
    {
        // Given: 15.01. … 04.02.2025, 21 days: 2 × 21 / 365 = 0.12, rounds to none
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 1, 15), new DateOnly(2025, 2, 4));

        // When
        var deadlines = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", new DateOnly(2025, 2, 1));

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_LastPartYear_OwesItsShareDueAtTheEnd()
    {
        // Given: the help ends on Tuesday 14.07.2026; the second help year runs 15.01. … 14.07.2026 (181 days: 0.99, one)
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 1, 15), new DateOnly(2026, 7, 14))
            .WithHomeVisit("HB-1", new DateOnly(2025, 3, 3))
            .WithHomeVisit("HB-2", new DateOnly(2025, 9, 1));

        // When
        var deadlines = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", new DateOnly(2026, 7, 1)).OrderBy(d => d.DueDate).ToList();

        // Then
        deadlines.Select(d => (d.DueDate, d.Status, d.Progress)).ShouldBe(
        [
            (new DateOnly(2026, 1, 14), DeadlineStatus.Fulfilled, "2 von 2"),
            (new DateOnly(2026, 7, 14), DeadlineStatus.Upcoming, "0 von 1"),
        ]);
    }

    [Fact]
    public void Evaluate_VisitsByTheProvidersKeyWorker_DoNotCount()
    {
        // Given: the key worker (provider's staff) visited twice; the case manager never did
        var facts = new FactsBuilder()
            .WithHomeVisit("HB-1", new DateOnly(2025, 3, 3), staffId: FactsBuilder.KeyWorkerId)
            .WithHomeVisit("HB-2", new DateOnly(2025, 9, 1), staffId: FactsBuilder.KeyWorkerId);

        // When
        var firstYear = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", new DateOnly(2026, 3, 1)).MinBy(d => d.DueDate)!;

        // Then
        firstYear.Status.ShouldBe(DeadlineStatus.Overdue);
        firstYear.Progress.ShouldBe("0 von 2");
    }

    [Fact]
    public void Evaluate_VisitByAnotherJugendamtFachkraft_Counts()
    {
        // Given: one visit by the case manager, one by a colleague of the Jugendamt (a former case manager, a stand-in)
        var facts = new FactsBuilder()
            .WithHomeVisit("HB-1", new DateOnly(2025, 3, 3))
            .WithHomeVisit("HB-2", new DateOnly(2025, 9, 1), staffId: FactsBuilder.JugendamtTeamLeadId);

        // When
        var firstYear = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", new DateOnly(2026, 3, 1)).MinBy(d => d.DueDate)!;

        // Then
        firstYear.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Theory]
    // 5 days after the end: listed as missed at the end of the help
    [InlineData("2026-01-05", 1)]
    // 20 days after: left the lists
    [InlineData("2026-01-20", 0)]
    public void Evaluate_EndedHelpMissedItsLastVisits_ListedTwoWeeksThenGone(string asOf, int expected)
    {
        // Given: the help ended on Wednesday 31.12.2025 without a visit
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 1, 15), new DateOnly(2025, 12, 31));

        // When
        var deadlines = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", RuleContexts.Day(asOf));

        // Then
        deadlines.Count.ShouldBe(expected);
        deadlines.ShouldAllBe(d => d.HelpEndedOn == new DateOnly(2025, 12, 31) && d.DueDate == new DateOnly(2025, 12, 31));
    }
}
