using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F17, issue 10 point 6. Seed 000 annex "Personelle Ausstattung": "Bei längerfristigem Ausfall (über 6 Wochen) wird eine
/// fachlich gleichwertige Fachkraft durch den Träger/ Leistungsanbieter in Absprache mit der fallführenden Fachkraft
/// sowie den Leistungsberechtigten sichergestellt." A replacement that has been arranged (the key worker's deputy, or
/// another key worker on the case) fulfils it; a key worker who has left needs one at once.
/// </summary>
public sealed class F17ReplacementTests
{
    private static readonly DateOnly AsOf = new(2026, 4, 20);
    private const string DeputyId = "S-8";

    private static FactsBuilder AbsentSinceMarch() => new FactsBuilder()
        .WithStaff(DeputyId, FactsBuilder.ProviderId, FactsBuilder.ProviderTeamId)
        .WithAbsence(FactsBuilder.KeyWorkerId, new DateOnly(2026, 3, 2), null);

    [Fact]
    public void Evaluate_AbsentKeyWorkerWithPresentDeputy_Fulfilled()
    {
        // Given: absent since Monday 02.03.2026, open end; S-8 stands in
        var facts = AbsentSinceMarch().WithDeputy(FactsBuilder.KeyWorkerId, DeputyId);

        // When
        var deadline = Evaluate(new F17VertretungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: the instance of 13.04.2026 stands, fulfilled: no overdue mail, no escalation
        deadline.DueDate.ShouldBe(new DateOnly(2026, 4, 13));
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Fact]
    public void Evaluate_DeputyAbsentToo_StillOverdue()
    {
        // Given: the deputy is on leave from 01.04.2026
        var facts = AbsentSinceMarch().WithDeputy(FactsBuilder.KeyWorkerId, DeputyId).WithAbsence(DeputyId, new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 31));

        // When
        var deadline = Evaluate(new F17VertretungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_DeputyHasLeft_StillOverdue()
    {
        // Given
        var facts = AbsentSinceMarch().WithDeputy(FactsBuilder.KeyWorkerId, DeputyId)
            .WithStaff(DeputyId, FactsBuilder.ProviderId, FactsBuilder.ProviderTeamId, active: false);

        // When
        var deadline = Evaluate(new F17VertretungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_CaseHandedToAnotherKeyWorker_NoInstance()
    {
        // Given: the provider gave the case to S-8
        var facts = AbsentSinceMarch().WithCase(FactsBuilder.CaseId, keyWorkerStaffId: DeputyId);

        // When
        var deadlines = Evaluate(new F17VertretungRule(), facts, "magdeburg", AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_KeyWorkerLeftWithDateRecorded_DueAtOnceWithoutTheSixWeeks()
    {
        // Given: S-7 left on Wednesday 01.04.2026 (inactive, absent_from the day they left) and still holds the case
        var facts = new FactsBuilder()
            .WithStaff(FactsBuilder.KeyWorkerId, FactsBuilder.ProviderId, FactsBuilder.ProviderTeamId, active: false)
            .WithAbsence(FactsBuilder.KeyWorkerId, new DateOnly(2026, 4, 1), null);

        // When
        var deadline = Evaluate(new F17VertretungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2026, 4, 1));
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_KeyWorkerLeftWithoutDate_DueFromTheStartOfTheHelp()
    {
        // Given: inactive, no departure date; the help started on Wednesday 15.01.2025
        var facts = new FactsBuilder()
            .WithStaff(FactsBuilder.KeyWorkerId, FactsBuilder.ProviderId, FactsBuilder.ProviderTeamId, active: false);

        // When
        var deadline = Evaluate(new F17VertretungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2025, 1, 15));
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_KeyWorkerLeftButDeputyStandsIn_Fulfilled()
    {
        // Given
        var facts = new FactsBuilder()
            .WithStaff(DeputyId, FactsBuilder.ProviderId, FactsBuilder.ProviderTeamId)
            .WithStaff(FactsBuilder.KeyWorkerId, FactsBuilder.ProviderId, FactsBuilder.ProviderTeamId, active: false)
            .WithDeputy(FactsBuilder.KeyWorkerId, DeputyId);

        // When
        var deadline = Evaluate(new F17VertretungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }
}
