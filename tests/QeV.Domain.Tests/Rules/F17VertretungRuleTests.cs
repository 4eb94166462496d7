using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F17 Vertretung, seed 000 annex "Personelle Ausstattung": "Bei längerfristigem Ausfall (über 6 Wochen) wird eine
/// fachlich gleichwertige Fachkraft durch den Träger/ Leistungsanbieter in Absprache mit der fallführenden Fachkraft
/// sowie den Leistungsberechtigten sichergestellt."
/// </summary>
public sealed class F17VertretungRuleTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 20);

    [Fact]
    public void Evaluate_KeyWorkerAbsentOpenEnded_DueWhenSixWeeksPass()
    {
        // Given
        var facts = new FactsBuilder().WithAbsence(FactsBuilder.KeyWorkerId, new DateOnly(2026, 3, 2), null);

        // When
        var deadline = Evaluate(new F17VertretungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: Monday 2026-03-02 + 42 days = Monday 2026-04-13; the key worker's team lead acts, the case manager is told
        deadline.DueDate.ShouldBe(new DateOnly(2026, 4, 13));
        deadline.SubjectId.ShouldBe(FactsBuilder.CaseId);
        deadline.ResponsibleStaffId.ShouldBe(FactsBuilder.ProviderTeamLeadId);
        deadline.InformedStaffId.ShouldBe(FactsBuilder.CaseManagerId);
    }

    [Theory]
    // back on day 40: not over six weeks
    [InlineData("2026-04-10", false)]
    // back on day 43: over six weeks
    [InlineData("2026-04-13", true)]
    public void Evaluate_AbsenceLength_OnlyOverSixWeeks(string until, bool expected)
    {
        // Given
        var facts = new FactsBuilder().WithAbsence(FactsBuilder.KeyWorkerId, new DateOnly(2026, 3, 2), RuleContexts.Day(until));

        // When
        var deadlines = Evaluate(new F17VertretungRule(), facts, "magdeburg", AsOf);

        // Then
        (deadlines.Count == 1).ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_SixWeeksEndOnEasterMonday_MovesToTuesday()
    {
        // Given
        var facts = new FactsBuilder().WithAbsence(FactsBuilder.KeyWorkerId, new DateOnly(2026, 2, 23), null);

        // When
        var deadline = Evaluate(new F17VertretungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: 2026-02-23 + 42 days = Ostermontag 2026-04-06, on to Tuesday 2026-04-07
        deadline.DueDate.ShouldBe(new DateOnly(2026, 4, 7));
    }

    [Fact]
    public void Evaluate_AbsenceAlreadyOver_NoInstance()
    {
        // Given: absent 2025-11-03 … 2026-03-15, back before the as-of day
        var facts = new FactsBuilder().WithAbsence(FactsBuilder.KeyWorkerId, new DateOnly(2025, 11, 3), new DateOnly(2026, 3, 15));

        // When
        var deadlines = Evaluate(new F17VertretungRule(), facts, "magdeburg", AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }
}
