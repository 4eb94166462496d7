using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F19 Clearingbericht (profile bad-duerkheim), seed 002 Kap. 1.7: the Clearing "umfasst in der Regel einen Zeitraum
/// von drei Monaten"; Kap. 2.1: "standardisierte Clearingberichte … unter Einhaltung bestimmter, festgelegter Fristen".
/// </summary>
public sealed class F19ClearingberichtRuleTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 1);

    [Fact]
    public void Evaluate_ClearingCase_DueThreeMonthsAfterStart()
    {
        // Given
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 1, 15), clearing: true);

        // When
        var deadline = Evaluate(new F19ClearingberichtRule(), facts, "bad-duerkheim", AsOf).ShouldHaveSingleItem();

        // Then: 2025-01-15 + 3 months = Tuesday 2025-04-15; the provider's key worker writes it
        deadline.DueDate.ShouldBe(new DateOnly(2025, 4, 15));
        deadline.ResponsibleStaffId.ShouldBe(FactsBuilder.KeyWorkerId);
        deadline.InformedStaffId.ShouldBe(FactsBuilder.CaseManagerId);
    }

    [Fact]
    public void Evaluate_EndOfClearingOnSaturday_MovesToMonday()
    {
        // Given
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 11, 30), clearing: true);

        // When
        var deadline = Evaluate(new F19ClearingberichtRule(), facts, "bad-duerkheim", AsOf).ShouldHaveSingleItem();

        // Then: 2025-11-30 + 3 months = 2026-02-28 (no 30 February), a Saturday: on to Monday 2026-03-02
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 2));
    }

    [Fact]
    public void Evaluate_ClearingberichtReceived_Fulfilled()
    {
        // Given
        var facts = new FactsBuilder()
            .WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 1, 15), clearing: true)
            .WithCaseReport("R-1", ReportKind.Clearingbericht, new DateOnly(2025, 4, 10));

        // When
        var deadline = Evaluate(new F19ClearingberichtRule(), facts, "bad-duerkheim", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Theory]
    [InlineData("bad-duerkheim", false)]
    [InlineData("magdeburg", true)]
    public void Evaluate_NoClearingOrProfileWithoutClearing_NoInstance(string profile, bool clearing)
    {
        // Given
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 1, 15), clearing: clearing);

        // When
        var deadlines = Evaluate(new F19ClearingberichtRule(), facts, profile, AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }
}
