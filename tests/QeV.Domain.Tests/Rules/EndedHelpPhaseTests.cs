using QeV.Domain.Rules;
using QeV.Domain.Tests.Support.Builders;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// Where an ended help stands on a day (<see cref="EndedHelp.PhaseOn"/>): the scan makes it part of the case's
/// fingerprint, so the case is judged again exactly on the days its missed instances enter and leave the lists (the
/// day after the end, and 14 days later). A help from 15.09.2025 that ended on Tuesday 31.03.2026; one without an end.
/// </summary>
public sealed class EndedHelpPhaseTests
{
    private static readonly DateOnly End = new(2026, 3, 31);

    [Theory]
    [InlineData("2026-03-30", 0)] // running
    [InlineData("2026-03-31", 0)] // its last day: still running
    [InlineData("2026-04-01", 1)] // ended: missed instances listed
    [InlineData("2026-04-14", 1)] // 14 days after the end: still listed
    [InlineData("2026-04-15", 2)] // 15 days after: listed no more
    [InlineData("2027-01-01", 2)]
    public void PhaseOn_AroundTheEnd_RunningListedThenGone(string day, int phase)
    {
        // Given
        var @case = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 9, 15), End).Build().Cases.ShouldHaveSingleItem();

        // When / Then
        EndedHelp.PhaseOn(@case, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(phase);
    }

    [Fact]
    public void PhaseOn_HelpWithoutEnd_AlwaysRunning()
    {
        // Given
        var @case = new FactsBuilder().Build().Cases.ShouldHaveSingleItem();

        // When / Then
        @case.EndDate.ShouldBeNull();
        new[] { new DateOnly(2020, 1, 1), new DateOnly(2026, 4, 15), new DateOnly(2040, 12, 31) }
            .Select(d => EndedHelp.PhaseOn(@case, d)).ShouldBe([0, 0, 0]);
    }

    [Fact]
    public void Apply_OnTheLastDayOfTheHelp_TheDeadlineStandsAsIs()
    {
        // Given: an overdue deadline of the case, judged on the help's last day
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 9, 15), End).Build();
        var @case = facts.Cases.ShouldHaveSingleItem();
        var deadline = new Deadline("F02", "Hilfeplanfortschreibung", SubjectType.Case, @case.CaseId, @case.CaseId, @case.FileReference,
            new DateOnly(2026, 3, 16), DeadlineStatus.Overdue, null, null);

        // When
        var kept = EndedHelp.Apply(deadline, @case, RuleContexts.AsOf(End));

        // Then: the help has not ended yet, so it is not marked as missed at the end
        kept.ShouldBe(deadline);
        kept!.HelpEndedOn.ShouldBeNull();
    }
}
