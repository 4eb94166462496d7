using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F13 Fortbildung, seed 000 annex: "Jede Fachkraft/ jede*r Mitarbeiter*in … absolviert fachliche Fortbildungen im
/// Umfang von mindestens 15,6 Arbeitsstunden pro Jahr." Due at the end of the calendar year; the issue: "Warn when
/// the pace falls behind: for example, in October with under half the hours done."
/// </summary>
public sealed class F13FortbildungRuleTests
{
    private const string KeyWorker = FactsBuilder.KeyWorkerId;

    [Fact]
    public void Evaluate_NoTrainings_ThisYearUpcomingLastYearOverdue()
    {
        // Given
        var facts = new FactsBuilder();

        // When
        var deadlines = Of(KeyWorker, facts, new DateOnly(2026, 6, 1));

        // Then: Wednesday 2025-12-31 and Thursday 2026-12-31 are business days in ST
        deadlines.Select(d => (d.DueDate, d.Status)).ShouldBe(
        [
            (new DateOnly(2025, 12, 31), DeadlineStatus.Overdue),
            (new DateOnly(2026, 12, 31), DeadlineStatus.Upcoming),
        ]);
        deadlines.ShouldAllBe(d => d.ResponsibleStaffId == KeyWorker && d.EscalationStaffId == FactsBuilder.ProviderTeamLeadId);
    }

    [Theory]
    // 2 × 480 minutes = 16 hours ≥ 15.6
    [InlineData(480, DeadlineStatus.Fulfilled)]
    // 2 × 468 minutes = 15.6 hours exactly
    [InlineData(468, DeadlineStatus.Fulfilled)]
    // 2 × 467 minutes = 15.57 hours
    [InlineData(467, DeadlineStatus.Overdue)]
    public void Evaluate_HoursOfLastYear_FulfilledFromFifteenPointSix(int minutesEach, DeadlineStatus expected)
    {
        // Given
        var facts = new FactsBuilder()
            .WithTraining(KeyWorker, new DateOnly(2025, 3, 10), TrainingKind.Fortbildung, minutesEach)
            .WithTraining(KeyWorker, new DateOnly(2025, 9, 10), TrainingKind.Fortbildung, minutesEach);

        // When
        var lastYear = Of(KeyWorker, facts, new DateOnly(2026, 6, 1)).First(d => d.DueDate.Year == 2025);

        // Then
        lastYear.Status.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_SupervisionMinutes_DoNotCount()
    {
        // Given
        var facts = new FactsBuilder().WithTraining(KeyWorker, new DateOnly(2025, 3, 10), TrainingKind.Supervision, 1200);

        // When
        var lastYear = Of(KeyWorker, facts, new DateOnly(2026, 6, 1)).First(d => d.DueDate.Year == 2025);

        // Then
        lastYear.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_YearEndOnSunday_DueOnLastFriday()
    {
        // Given / When
        var deadlines = Of(KeyWorker, new FactsBuilder(), new DateOnly(2028, 6, 1));

        // Then: 2028-12-31 is a Sunday: back to Friday 2028-12-29
        deadlines.ShouldContain(d => d.DueDate == new DateOnly(2028, 12, 29));
    }

    [Theory]
    // 1 October passed, 4 of 15.6 hours done (under half): a warning due on Thursday 2026-10-01
    [InlineData("2026-10-05", 240, true)]
    // 8 hours done: more than half
    [InlineData("2026-10-05", 480, false)]
    // before the pace check day
    [InlineData("2026-09-30", 240, false)]
    public void Evaluate_PaceCheck_WarnsWhenUnderHalfInOctober(string asOf, int minutes, bool warned)
    {
        // Given
        var facts = new FactsBuilder().WithTraining(KeyWorker, new DateOnly(2026, 5, 4), TrainingKind.Fortbildung, minutes);

        // When
        var deadlines = Of(KeyWorker, facts, RuleContexts.Day(asOf));

        // Then
        var warning = deadlines.Where(d => d.Name == "Fortbildung: Rückstand zum Stichtag").ToList();
        if (warned)
        {
            warning.ShouldHaveSingleItem().DueDate.ShouldBe(new DateOnly(2026, 10, 1));
        }
        else
        {
            warning.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Evaluate_EmployedInJuly_AmountProratedAndNoPaceCheck()
    {
        // Given: employed from July 2026 (6 months: 7.8 hours), 8 hours done, as of October
        var facts = new FactsBuilder()
            .WithEmployedSince(KeyWorker, new DateOnly(2026, 7, 15))
            .WithTraining(KeyWorker, new DateOnly(2026, 9, 1), TrainingKind.Fortbildung, 480);

        // When
        var deadlines = Of(KeyWorker, facts, new DateOnly(2026, 10, 5));

        // Then: no instance for 2025 (not yet employed), 2026 fulfilled
        deadlines.ShouldHaveSingleItem().Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Fact]
    public void Evaluate_JugendamtStaffAndLeitung_NoInstance()
    {
        // Given
        var facts = new FactsBuilder().WithLeitung("S-30", FactsBuilder.ProviderId);

        // When
        var deadlines = Evaluate(new F13FortbildungRule(), facts, "magdeburg", new DateOnly(2026, 6, 1));

        // Then: only the provider's team lead, deputy lead and key worker
        deadlines.Select(d => d.SubjectId).Distinct().Order().ShouldBe(["S-2", "S-3", "S-7"]);
    }

    private static List<Deadline> Of(string staffId, FactsBuilder facts, DateOnly asOf) =>
        Evaluate(new F13FortbildungRule(), facts, "magdeburg", asOf).Where(d => d.SubjectId == staffId).OrderBy(d => d.DueDate).ToList();
}
