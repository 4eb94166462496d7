using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// F14, seed 000 (Anlage, line 341): "Innerhalb eines Jahres erhalten die Fachkräfte/ Mitarbeiter mindestens 8
/// Supervisionen in einem zeitlichen Umfang von jeweils 120 Min." Only supervision minutes of that calendar year count;
/// the year's amount is reached at exactly 8 × 120 minutes. The magdeburg profile adds a pace check (PaceCheck 10-01,
/// PaceShare 0.5): from 1 October, less than half of the amount carries a warning from that day.
/// </summary>
public sealed class F14SupervisionQuotaTests
{
    private const string Fachkraft = FactsBuilder.KeyWorkerId;

    [Theory]
    [InlineData(TrainingKind.Fortbildung, "2026-03-10")] // the same year, another kind of training
    [InlineData(TrainingKind.Supervision, "2025-11-10")] // a supervision, the year before
    public void Evaluate_TrainingMatchingOnlyOneCondition_DoesNotCount(TrainingKind kind, string date)
    {
        // Given: 4 supervisions of 120 minutes in 2026 (480 minutes in one), and 480 minutes more of the other training
        var facts = new FactsBuilder()
            .WithTraining(Fachkraft, new DateOnly(2026, 2, 10), TrainingKind.Supervision, 480)
            .WithTraining(Fachkraft, Day(date), kind, 480);

        // When
        var deadline = ThisYear(facts, new DateOnly(2026, 6, 15));

        // Then: 4 of 8, due Thursday 31.12.2026
        deadline.Progress.ShouldBe("4 von 8");
        deadline.DueDate.ShouldBe(new DateOnly(2026, 12, 31));
        deadline.Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    [Theory]
    [InlineData(900, "7,5 von 8", DeadlineStatus.Upcoming)]
    [InlineData(960, "8 von 8", DeadlineStatus.Fulfilled)] // exactly 8 × 120 minutes
    [InlineData(1020, "8,5 von 8", DeadlineStatus.Fulfilled)]
    public void Evaluate_MinutesAroundTheAmount_FulfilledFromExactlyTheAmount(int minutes, string progress, DeadlineStatus expected)
    {
        // Given
        var facts = new FactsBuilder().WithTraining(Fachkraft, new DateOnly(2026, 2, 10), TrainingKind.Supervision, minutes);

        // When
        var deadline = ThisYear(facts, new DateOnly(2026, 6, 15));

        // Then
        deadline.Progress.ShouldBe(progress);
        deadline.Status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-09-30", false)] // the day before the pace check
    [InlineData("2026-10-01", true)] // on it (a Thursday)
    [InlineData("2026-10-02", true)]
    public void Evaluate_BehindAroundThePaceCheckDay_WarnsFromThatDay(string asOf, bool warned)
    {
        // Given: 3 of 8 supervisions, less than half
        var facts = new FactsBuilder().WithTraining(Fachkraft, new DateOnly(2026, 2, 10), TrainingKind.Supervision, 360);

        // When
        var deadline = ThisYear(facts, Day(asOf));

        // Then
        deadline.WarningFrom.ShouldBe(warned ? new DateOnly(2026, 10, 1) : null);
        deadline.Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    [Theory]
    [InlineData(420, true)] // 3.5 sessions: less than half of 8
    [InlineData(480, false)] // 4 sessions: exactly half
    [InlineData(540, false)]
    public void Evaluate_OnThePaceCheckDayAroundHalf_WarnsOnlyBelowHalf(int minutes, bool warned)
    {
        // Given
        var facts = new FactsBuilder().WithTraining(Fachkraft, new DateOnly(2026, 2, 10), TrainingKind.Supervision, minutes);

        // When
        var deadline = ThisYear(facts, new DateOnly(2026, 10, 1));

        // Then
        deadline.WarningFrom.ShouldBe(warned ? new DateOnly(2026, 10, 1) : null);
    }

    /// <summary>The key worker's instance for the year judged by (the other Fachkräfte of the provider have their own).</summary>
    private static Deadline ThisYear(FactsBuilder facts, DateOnly asOf)
    {
        var deadlines = Evaluate(new F14SupervisionRule(), facts, "magdeburg", asOf)
            .Where(d => d.SubjectId == Fachkraft)
            .ToList();
        return deadlines.ShouldHaveSingleItem(); // the year before has nothing owed shown after January
    }
}
