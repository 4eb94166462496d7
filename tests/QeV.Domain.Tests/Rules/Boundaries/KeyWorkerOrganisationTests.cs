using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// F06 and F16 act through the case's key worker (Bezugsbetreuung): their organisation is the key worker's, and the
/// case's provider only when the key worker is not known. Tried with a key worker of another provider than the case's
/// (P-2, say after a hand-over) and with one missing from staff.csv.
/// </summary>
public sealed class KeyWorkerOrganisationTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 15);

    [Theory]
    [InlineData("S-20", "P-2")] // the key worker's provider, not the case's
    [InlineData("S-99", FactsBuilder.ProviderId)] // not in staff.csv: the case's provider
    public void Evaluate_F16_OrganisationOfTheKeyWorkerElseTheProvider(string keyWorker, string organisation)
    {
        // Given: help since 10.06.2026, so one sheet (06/2026) is owed
        var facts = KeyWorkerCase(keyWorker).WithCaseDates(FactsBuilder.CaseId, new DateOnly(2026, 6, 10));

        // When
        var deadline = Evaluate(new F16NachweisblattRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.OrganisationId.ShouldBe(organisation);
    }

    [Theory]
    [InlineData("S-20", "P-2")]
    [InlineData("S-99", FactsBuilder.ProviderId)]
    public void Evaluate_F06_OrganisationOfTheKeyWorkerElseTheProvider(string keyWorker, string organisation)
    {
        // Given: three no-shows a week apart from Monday 01.06.2026
        var facts = KeyWorkerCase(keyWorker)
            .WithWeeklyAppointments(new DateOnly(2026, 6, 1), AppointmentOutcome.NoShow, AppointmentOutcome.NoShow, AppointmentOutcome.NoShow);

        // When
        var deadline = Evaluate(new F06MissedAppointmentsRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: on the third, Monday 15.06.2026
        deadline.DueDate.ShouldBe(new DateOnly(2026, 6, 15));
        deadline.OrganisationId.ShouldBe(organisation);
    }

    private static FactsBuilder KeyWorkerCase(string keyWorker) =>
        new FactsBuilder()
            .WithOrganisation("P-2", OrganisationKind.Traeger, "ST")
            .WithStaff("S-20", "P-2")
            .WithCase(FactsBuilder.CaseId, keyWorkerStaffId: keyWorker);
}
