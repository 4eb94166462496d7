using QeV.Domain.Rules;
using static QeV.Domain.Facts.AppointmentOutcome;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// The engine runs every rule and returns the deadlines in the report's order, CONTRACT.md: "sorted by
/// <c>dueDate</c>, then <c>rule</c>, then <c>subjectId</c>".
/// </summary>
public sealed class DeadlineEngineTests
{
    private static readonly DateOnly DefaultAsOf = new(2026, 1, 15);

    [Fact]
    public void Evaluate_NoRules_ReturnsNothing()
    {
        // Given
        var engine = new DeadlineEngine([]);
        var facts = new FactsBuilder().WithMeeting("M-1", new DateOnly(2026, 3, 18)).Build();

        // When
        var deadlines = engine.Evaluate(facts, RuleContexts.AsOf(DefaultAsOf));

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_SeveralRules_ReturnsEveryRulesDeadlines()
    {
        // Given
        var facts = Scenario().Build();
        var context = RuleContexts.AsOf(DefaultAsOf);
        IDeadlineRule[] rules =
            [new F12FuehrungszeugnisRule(), new F06MissedAppointmentsRule(), new F01EntwicklungsberichtRule()];

        // When
        var deadlines = new DeadlineEngine(rules).Evaluate(facts, context);

        // Then
        deadlines.Select(d => d.Key).Order(StringComparer.Ordinal).ShouldBe(
            rules.SelectMany(r => r.Evaluate(facts, context)).Select(d => d.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_DifferentDueDates_SortedByDueDateFirst()
    {
        // Given: rules listed against the order of their deadlines
        var engine = new DeadlineEngine([new F12FuehrungszeugnisRule(), new F01EntwicklungsberichtRule()]);

        // When
        var deadlines = engine.Evaluate(Scenario().Build(), RuleContexts.AsOf(DefaultAsOf));

        // Then
        deadlines.Select(d => d.DueDate).ShouldBeInOrder(SortDirection.Ascending);
        deadlines[0].DueDate.ShouldBe(new DateOnly(2026, 2, 2));
        deadlines[^1].DueDate.ShouldBe(new DateOnly(2026, 3, 4));
    }

    [Fact]
    public void Evaluate_SameDueDate_SortedByRule()
    {
        // Given
        var engine = new DeadlineEngine(
            [new F12FuehrungszeugnisRule(), new F06MissedAppointmentsRule(), new F01EntwicklungsberichtRule()]);

        // When
        var deadlines = engine.Evaluate(Scenario().Build(), RuleContexts.AsOf(DefaultAsOf));

        // Then
        deadlines.Where(d => d.DueDate == new DateOnly(2026, 3, 4)).Select(d => d.Rule)
            .ShouldBe(["F01", "F06", "F12", "F12"]);
    }

    [Fact]
    public void Evaluate_SameDueDateAndRule_SortedBySubjectId()
    {
        // Given: S-6 is listed before S-5 and M-2 before M-1; all four are due on Wednesday 2026-03-04
        var facts = new FactsBuilder()
            .WithStaff("S-6", FactsBuilder.ProviderId, employedSince: new DateOnly(2026, 3, 4))
            .WithStaff("S-5", FactsBuilder.ProviderId, employedSince: new DateOnly(2026, 3, 4))
            .WithMeeting("M-2", new DateOnly(2026, 3, 18))
            .WithMeeting("M-1", new DateOnly(2026, 3, 18));
        var engine = new DeadlineEngine([new F12FuehrungszeugnisRule(), new F01EntwicklungsberichtRule()]);

        // When
        var deadlines = engine.Evaluate(facts.Build(), RuleContexts.AsOf(DefaultAsOf));

        // Then
        deadlines.Where(d => d.DueDate == new DateOnly(2026, 3, 4)).Select(d => (d.Rule, d.SubjectId)).ShouldBe(
            [("F01", "M-1"), ("F01", "M-2"), ("F12", "S-5"), ("F12", "S-6")]);
    }

    [Fact]
    public void Evaluate_MixedScenario_FullOrderByDueDateRuleSubjectId()
    {
        // Given
        var engine = new DeadlineEngine(
            [new F12FuehrungszeugnisRule(), new F06MissedAppointmentsRule(), new F01EntwicklungsberichtRule()]);

        // When
        var deadlines = engine.Evaluate(Scenario().Build(), RuleContexts.AsOf(DefaultAsOf));

        // Then
        deadlines.Select(d => (d.DueDate, d.Rule, d.SubjectId)).ShouldBe(
        [
            (new DateOnly(2026, 2, 2), "F01", "M-2"),
            (new DateOnly(2026, 2, 2), "F12", "S-3"),
            (new DateOnly(2026, 3, 4), "F01", "M-1"),
            (new DateOnly(2026, 3, 4), "F06", FactsBuilder.CaseId),
            (new DateOnly(2026, 3, 4), "F12", "S-2"),
            (new DateOnly(2026, 3, 4), "F12", "S-7"),
        ]);
    }

    /// <summary>
    /// Deadlines on Monday 2026-02-02 (F01 for M-2 on Monday 2026-02-16; F12 for S-3 employed that day) and on
    /// Wednesday 2026-03-04 (F01 for M-1 on Wednesday 2026-03-18; F06 third no-show; F12 for S-2 and S-7).
    /// </summary>
    private static FactsBuilder Scenario() =>
        new FactsBuilder()
            .WithEmployedSince(FactsBuilder.KeyWorkerId, new DateOnly(2026, 3, 4))
            .WithEmployedSince(FactsBuilder.ProviderTeamLeadId, new DateOnly(2026, 3, 4))
            .WithEmployedSince(FactsBuilder.ProviderDeputyLeadId, new DateOnly(2026, 2, 2))
            .WithMeeting("M-1", new DateOnly(2026, 3, 18))
            .WithMeeting("M-2", new DateOnly(2026, 2, 16))
            .WithWeeklyAppointments(new DateOnly(2026, 2, 18), NoShow, NoShow, NoShow);
}
