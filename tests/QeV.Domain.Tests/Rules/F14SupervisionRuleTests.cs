using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F14 Supervision, seed 000 annex: "Innerhalb eines Jahres erhalten die Fachkräfte/ Mitarbeiter mindestens 8
/// Supervisionen in einem zeitlichen Umfang von jeweils 120 Min." The provider owes it ("Der Träger … hält für seine
/// Fachkräfte … regelmäßige Möglichkeiten der externen Supervision vor").
/// </summary>
public sealed class F14SupervisionRuleTests
{
    private const string KeyWorker = FactsBuilder.KeyWorkerId;

    [Theory]
    // eight sessions of 120 minutes
    [InlineData(8, 120, DeadlineStatus.Fulfilled)]
    // four double sessions of 240 minutes count as eight
    [InlineData(4, 240, DeadlineStatus.Fulfilled)]
    // seven sessions
    [InlineData(7, 120, DeadlineStatus.Overdue)]
    // eight sessions of 90 minutes are none of 120
    [InlineData(8, 90, DeadlineStatus.Overdue)]
    public void Evaluate_SessionsOfLastYear_FulfilledFromEightOf120Minutes(int sessions, int minutes, DeadlineStatus expected)
    {
        // Given
        var facts = new FactsBuilder();
        for (var i = 0; i < sessions; i++)
        {
            facts.WithTraining(KeyWorker, new DateOnly(2025, 1 + i, 12), TrainingKind.Supervision, minutes);
        }

        // When
        var lastYear = Of(facts, new DateOnly(2026, 6, 1)).First(d => d.DueDate.Year == 2025);

        // Then: due Wednesday 2025-12-31
        lastYear.DueDate.ShouldBe(new DateOnly(2025, 12, 31));
        lastYear.Status.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_Routing_TeamLeadActsLeitungEscalatedPersonInformed()
    {
        // Given
        var facts = new FactsBuilder().WithLeitung("S-30", FactsBuilder.ProviderId);

        // When
        var deadline = Of(facts, new DateOnly(2026, 6, 1)).First();

        // Then
        deadline.ResponsibleStaffId.ShouldBe(FactsBuilder.ProviderTeamLeadId);
        deadline.SupervisorStaffId.ShouldBe("S-30");
        deadline.InformedStaffId.ShouldBe(KeyWorker);
    }

    [Fact]
    public void Evaluate_ThreeSessionsInOctober_PaceWarning()
    {
        // Given: three of eight sessions by October (under half)
        var facts = new FactsBuilder();
        for (var i = 0; i < 3; i++)
        {
            facts.WithTraining(KeyWorker, new DateOnly(2026, 2 + i, 12), TrainingKind.Supervision, 120);
        }

        // When
        var deadlines = Of(facts, new DateOnly(2026, 10, 12));

        // Then: the warning is due on Thursday 2026-10-01 and overdue by 12 October
        var warning = deadlines.Where(d => d.Name == "Supervision: Rückstand zum Stichtag").ShouldHaveSingleItem();
        warning.DueDate.ShouldBe(new DateOnly(2026, 10, 1));
        warning.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    private static List<Deadline> Of(FactsBuilder facts, DateOnly asOf) =>
        Evaluate(new F14SupervisionRule(), facts, "magdeburg", asOf).Where(d => d.SubjectId == KeyWorker).OrderBy(d => d.DueDate).ToList();
}
