using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// F19 (profile bad-duerkheim), seed 002, Kap. 1.7: "Dieses umfasst in der Regel einen Zeitraum von drei Monaten";
/// Kap. 2.1: "standardisierte Clearingberichte … unter Einhaltung bestimmter, festgelegter Fristen". The key worker
/// writes the report (the case manager is told), else the case manager (nobody else is told); the organisation is the
/// writer's, else the provider's. One Clearingbericht among other reports of the case fulfils it.
/// </summary>
public sealed class F19ResponsibleAndReportTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 2);

    [Fact]
    public void Evaluate_ClearingberichtAmongOtherReports_Fulfilled()
    {
        // Given: a Nachweisblatt and the Clearingbericht of the case
        var facts = Clearing(FactsBuilder.KeyWorkerId)
            .WithCaseReport("R-1", ReportKind.Nachweisblatt, new DateOnly(2025, 2, 3), "2025-01")
            .WithCaseReport("R-2", ReportKind.Clearingbericht, new DateOnly(2025, 3, 1));

        // When
        var deadline = Evaluate(new F19ClearingberichtRule(), facts, "bad-duerkheim", AsOf).ShouldHaveSingleItem();

        // Then: 15.01.2025 + 3 months = Tuesday 15.04.2025
        deadline.DueDate.ShouldBe(new DateOnly(2025, 4, 15));
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Theory]
    [InlineData(FactsBuilder.KeyWorkerId, FactsBuilder.KeyWorkerId, FactsBuilder.CaseManagerId, FactsBuilder.ProviderId)]
    [InlineData(null, FactsBuilder.CaseManagerId, null, FactsBuilder.JugendamtId)] // no key worker: the case manager, of the Jugendamt
    [InlineData("S-99", "S-99", FactsBuilder.CaseManagerId, FactsBuilder.ProviderId)] // a key worker not in staff.csv: the provider
    public void Evaluate_KeyWorkerOrNot_WriterInformedAndOrganisation(
        string? keyWorker, string responsible, string? informed, string organisation)
    {
        // Given
        var facts = Clearing(keyWorker);

        // When
        var deadline = Evaluate(new F19ClearingberichtRule(), facts, "bad-duerkheim", AsOf).ShouldHaveSingleItem();

        // Then
        (deadline.ResponsibleStaffId, deadline.InformedStaffId, deadline.OrganisationId).ShouldBe((responsible, informed, organisation));
    }

    private static FactsBuilder Clearing(string? keyWorker) =>
        new FactsBuilder()
            .WithCase(FactsBuilder.CaseId, keyWorkerStaffId: keyWorker)
            .WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 1, 15), clearing: true);
}
