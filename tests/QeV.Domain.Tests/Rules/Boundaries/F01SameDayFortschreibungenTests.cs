using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// F01, CONTRACT.md: an Entwicklungsbericht without meeting_id counts for the case's earliest Fortschreibung (planned
/// or held) dated on or after its received date. Two on the same day are told apart by id, read as people read ids
/// (IdComparer: "M-9" before "M-10"), so the same report always fulfils the same meeting.
/// </summary>
public sealed class F01SameDayFortschreibungenTests
{
    private static readonly DateOnly AsOf = new(2026, 1, 15);

    [Fact]
    public void Evaluate_UntiedReportBeforeTwoFortschreibungenOnTheSameDay_FulfilsTheLowerId()
    {
        // Given: two planned Fortschreibungen on Thursday 10.09.2026, M-10 listed first; an untied report of 20.08.2026
        var facts = new FactsBuilder()
            .WithMeeting("M-10", new DateOnly(2026, 9, 10))
            .WithMeeting("M-9", new DateOnly(2026, 9, 10))
            .WithEntwicklungsbericht("R-1", new DateOnly(2026, 8, 20));

        // When
        var deadlines = new F01EntwicklungsberichtRule().Evaluate(facts.Build(), AsOf(AsOf)).ToList();

        // Then: the report counts for M-9 (the lower id), M-10 still waits for its own (due Thursday 27.08.2026)
        deadlines.Count.ShouldBe(2);
        deadlines.Select(d => (d.SubjectId, d.DueDate, d.Status)).OrderBy(x => x.SubjectId, StringComparer.Ordinal).ShouldBe(
        [
            ("M-10", new DateOnly(2026, 8, 27), DeadlineStatus.Upcoming),
            ("M-9", new DateOnly(2026, 8, 27), DeadlineStatus.Fulfilled),
        ]);
    }
}
