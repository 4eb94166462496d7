using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// F15, seed 000 (Anlage, line 533): "… sind in der Zeit der Hilfegewährung durch die fallführende Fachkraft 2 bis 3
/// direkte Kontakte jährlich im Haushalt der Hilfeempfänger*innen … verpflichtend umzusetzen." A help year runs from
/// Hilfebeginn to the day before its anniversary; the current help year and the one before are judged. Each edge is
/// tried the day before, on and after it.
/// </summary>
public sealed class F15HelpYearBoundaryTests
{
    [Theory]
    [InlineData("2026-06-01", 1)] // began the day before
    [InlineData("2026-06-02", 1)] // begins on the day judged by
    [InlineData("2026-06-03", 0)] // begins tomorrow: nothing owed yet
    public void Evaluate_HelpBeginningAroundTheDayJudgedBy_OwedFromItsFirstDay(string start, int instances)
    {
        // Given
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, Day(start));

        // When
        var deadlines = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", new DateOnly(2026, 6, 2));

        // Then
        deadlines.Count.ShouldBe(instances);
    }

    [Fact]
    public void Evaluate_HelpBeginningOnTheDayJudgedBy_FirstHelpYearDueOnItsLastBusinessDay()
    {
        // Given
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2026, 6, 2));

        // When
        var deadline = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", new DateOnly(2026, 6, 2)).ShouldHaveSingleItem();

        // Then: 02.06.2026 – 01.06.2027, a Tuesday
        deadline.DueDate.ShouldBe(new DateOnly(2027, 6, 1));
        deadline.Progress.ShouldBe("0 von 2");
    }

    [Theory]
    [InlineData("2026-01-14", new[] { "2026-01-14" })] // the last day of help year 1
    [InlineData("2026-01-15", new[] { "2026-01-14", "2027-01-14" })] // the anniversary: help year 2 begins
    [InlineData("2026-01-16", new[] { "2026-01-14", "2027-01-14" })]
    public void Evaluate_AroundTheAnniversary_SecondHelpYearFromThatDay(string asOf, string[] dueDates)
    {
        // Given: help since Wednesday 15.01.2025 (the builder's default)
        var facts = new FactsBuilder();

        // When
        var deadlines = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", Day(asOf));

        // Then: year 1 ends Wednesday 14.01.2026, year 2 Thursday 14.01.2027
        deadlines.Select(d => d.DueDate).Order().ShouldBe(dueDates.Select(Day));
    }

    [Fact]
    public void Evaluate_InTheThirdHelpYear_JudgesTheSecondAndThirdOnly()
    {
        // Given: help since Monday 15.01.2024
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2024, 1, 15));

        // When
        var deadlines = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", new DateOnly(2026, 6, 2));

        // Then: year 2 ends Wednesday 14.01.2026, year 3 Thursday 14.01.2027; year 1 (to Tuesday 14.01.2025) is not judged
        deadlines.Select(d => d.DueDate).Order().ShouldBe([new DateOnly(2026, 1, 14), new DateOnly(2027, 1, 14)]);
    }

    [Fact]
    public void Evaluate_VisitsOnTheEdgesOfTheHelpYears_EachCountsInItsOwnYear()
    {
        // Given: help since 15.01.2025; visits the day before it began, on its first day, on the last day of year 1 and
        // on the first day of year 2
        var facts = new FactsBuilder()
            .WithHomeVisit("HB-1", new DateOnly(2025, 1, 14))
            .WithHomeVisit("HB-2", new DateOnly(2025, 1, 15))
            .WithHomeVisit("HB-3", new DateOnly(2026, 1, 14))
            .WithHomeVisit("HB-4", new DateOnly(2026, 1, 15));

        // When
        var deadlines = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", new DateOnly(2026, 6, 2));

        // Then
        deadlines.Select(d => (d.DueDate, d.Progress, d.Status)).OrderBy(x => x.DueDate).ShouldBe(
        [
            (new DateOnly(2026, 1, 14), "2 von 2", DeadlineStatus.Fulfilled),
            (new DateOnly(2027, 1, 14), "1 von 2", DeadlineStatus.Upcoming),
        ]);
    }
}
