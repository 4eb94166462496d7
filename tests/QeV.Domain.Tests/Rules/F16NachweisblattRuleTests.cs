using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F16 Nachweisblatt, seed 000 annex "Abrechnung": "Die monatlich erbrachten Leistungen werden durch die Unterschrift
/// der Klient*innen belegt (Nachweisblatt) und ebenfalls monatlich der fallführenden Fachkraft zur Prüfung zur
/// Verfügung gestellt." Read as: the sheet of a month is due by the end of the following month.
/// </summary>
public sealed class F16NachweisblattRuleTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 10);

    [Fact]
    public void Evaluate_RunningCase_OneInstancePerMonthOfTheLastTwelve()
    {
        // Given: the case started 2025-01-15
        var facts = new FactsBuilder();

        // When
        var deadlines = Evaluate(new F16NachweisblattRule(), facts, "magdeburg", AsOf);

        // Then: March 2025 … March 2026
        deadlines.Count.ShouldBe(13);
        deadlines.Select(d => d.Name).ShouldContain("Nachweisblatt 01/2026");
        deadlines.ShouldAllBe(d => d.ResponsibleStaffId == FactsBuilder.KeyWorkerId && d.InformedStaffId == FactsBuilder.CaseManagerId);
    }

    [Theory]
    // January 2026: end of February is Saturday 2026-02-28, on to Monday 2026-03-02
    [InlineData("Nachweisblatt 01/2026", "2026-03-02", DeadlineStatus.Overdue)]
    // February 2026: Tuesday 2026-03-31
    [InlineData("Nachweisblatt 02/2026", "2026-03-31", DeadlineStatus.Upcoming)]
    // March 2026: Thursday 2026-04-30
    [InlineData("Nachweisblatt 03/2026", "2026-04-30", DeadlineStatus.Upcoming)]
    public void Evaluate_Month_DueAtEndOfFollowingMonth(string name, string due, DeadlineStatus status)
    {
        // Given
        var facts = new FactsBuilder();

        // When
        var deadline = Evaluate(new F16NachweisblattRule(), facts, "magdeburg", AsOf).Single(d => d.Name == name);

        // Then
        deadline.DueDate.ShouldBe(RuleContexts.Day(due));
        deadline.Status.ShouldBe(status);
    }

    [Theory]
    [InlineData("2026-01")]
    [InlineData(null)]
    public void Evaluate_NachweisblattWithPeriodOrReceivedNextMonth_Fulfilled(string? period)
    {
        // Given: without a period it counts for the month before it came in (February → January)
        var facts = new FactsBuilder().WithCaseReport("R-1", ReportKind.Nachweisblatt, new DateOnly(2026, 2, 5), period);

        // When
        var deadline = Evaluate(new F16NachweisblattRule(), facts, "magdeburg", AsOf).Single(d => d.Name == "Nachweisblatt 01/2026");

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Fact]
    public void Evaluate_CaseEndedInDecember_MonthsUpToDecember()
    {
        // Given
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 1, 15), new DateOnly(2025, 12, 31));

        // When
        var last = Evaluate(new F16NachweisblattRule(), facts, "magdeburg", AsOf).MaxBy(d => d.DueDate)!;

        // Then: December 2025, end of January is Saturday 2026-01-31, on to Monday 2026-02-02
        last.Name.ShouldBe("Nachweisblatt 12/2025");
        last.DueDate.ShouldBe(new DateOnly(2026, 2, 2));
    }

    [Fact]
    public void Evaluate_CaseWithoutProvider_NoInstance()
    {
        // Given
        var facts = new FactsBuilder().WithCase(FactsBuilder.CaseId, keyWorkerStaffId: null, providerOrganisationId: null);

        // When
        var deadlines = Evaluate(new F16NachweisblattRule(), facts, "magdeburg", AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }
}
