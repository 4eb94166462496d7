using QeV.Domain.Facts;
using QeV.Domain.Planning;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F13/F14 are calendar-year quotas. Seed 000, Fortbildung/Supervision: "… absolviert fachliche Fortbildungen im Umfang
/// von mindestens 15,6 Arbeitsstunden pro Jahr" and "Innerhalb eines Jahres erhalten die Fachkräfte/ Mitarbeiter
/// mindestens 8 Supervisionen in einem zeitlichen Umfang von jeweils 120 Min." — owed pro rata for the months a person was
/// employed and not absent; the October pace check warns; last year's shortfall is reported once in January.
/// </summary>
public sealed class YearlyQuotaProRataTests
{
    private const string KeyWorker = FactsBuilder.KeyWorkerId;

    private static List<Deadline> F13(FactsBuilder facts, DateOnly asOf) =>
        Evaluate(new F13FortbildungRule(), facts, "magdeburg", asOf).Where(d => d.SubjectId == KeyWorker).OrderBy(d => d.DueDate).ToList();

    [Fact]
    public void Evaluate_JoinedOnThirtyFirstDecember_OwesNothingForThatYear()
    {
        // Given
        var facts = new FactsBuilder().WithEmployedSince(KeyWorker, new DateOnly(2025, 12, 31));

        // When
        var deadlines = F13(facts, new DateOnly(2026, 1, 12));

        // Then: only 2026
        deadlines.ShouldHaveSingleItem().DueDate.Year.ShouldBe(2026);
    }

    [Fact]
    public void Evaluate_OnLeaveAllYear_OwesNothing()
    {
        // Given: parental leave from 15.12.2025 to 10.01.2027
        var facts = new FactsBuilder().WithAbsence(KeyWorker, new DateOnly(2025, 12, 15), new DateOnly(2027, 1, 10));

        // When
        var deadlines = F13(facts, new DateOnly(2026, 11, 2));

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_AbsentFromJuly_QuotaForSixMonths()
    {
        // Given: absent from 01.07.2026 until further notice; 7.8 of 15.6 hours owed (6 months), 8 hours done
        var facts = new FactsBuilder()
            .WithAbsence(KeyWorker, new DateOnly(2026, 7, 1), null)
            .WithTraining(KeyWorker, new DateOnly(2026, 3, 2), TrainingKind.Fortbildung, 480);

        // When
        var year = F13(facts, new DateOnly(2026, 11, 2)).ShouldHaveSingleItem();

        // Then
        year.Status.ShouldBe(DeadlineStatus.Fulfilled);
        year.Progress.ShouldBe("8 von 7,8");
    }

    [Theory]
    [InlineData("2026-01-30", 1)] // January: last year's shortfall is reported
    [InlineData("2026-02-02", 0)] // then closed
    public void Evaluate_LastYearsShortfall_OnlyInJanuary(string asOf, int lastYear)
    {
        // Given: no Fortbildung in 2025
        var facts = new FactsBuilder();

        // When
        var deadlines = F13(facts, RuleContexts.Day(asOf));

        // Then
        deadlines.Count(d => d.DueDate.Year == 2025).ShouldBe(lastYear);
    }

    [Fact]
    public void Plan_BehindThePaceInOctober_OneWarningReminderNoEscalation()
    {
        // Given: 4 of 15.6 hours by 05.10.2026
        var facts = new FactsBuilder()
            .WithTraining(KeyWorker, new DateOnly(2026, 5, 4), TrainingKind.Fortbildung, 240)
            .Build().WithEmails();
        var day = new DateOnly(2026, 10, 5);
        var context = Under("magdeburg", day);
        var snapshot = new DeadlineSnapshot(facts, context, new DeadlineEngine(RuleCatalog.All).Evaluate(facts, context));

        // When
        var notices = new NoticePlanner(new NotificationRulesOptions(), PlanningFacts.Calendar).Plan(snapshot, day)
            .Of("F13", KeyWorker);

        // Then
        notices.Routing().ShouldBe(["Reminder→S-7[]"]);
        notices[0].Content.Stage.ShouldBe("warning");
    }
}
