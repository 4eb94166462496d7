using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F10 where the Stryker rerun found no test (seed 000 § 5 Nr. 1: "… die Fortschreibung der vorliegenden
/// Qualitätsentwicklungsvereinbarung nach spätestens 3 Jahren"; § 6 Nr. 1 "einheitlich für alle … Träger"): a QEV whose
/// rows carry different dates counts from the earliest; only a later QEV renews it, not one of the same day and not the
/// QEV's own row of a provider that joined later; the hint to the provider's Leitung goes only with a QEV of one provider.
/// </summary>
public sealed class F10QevBoundaryTests
{
    private static readonly DateOnly QevDate = new(2017, 7, 1);

    /// <summary>QEV-MD-2017: P-1's row of 01.07.2017 and P-2's row of 15.03.2018 without a qev_date (the day P-2 joined).</summary>
    private static FactsBuilder QevWithALaterRow() => new FactsBuilder()
        .WithLeitung("S-20", FactsBuilder.JugendamtId)
        .WithLeitung("S-30", FactsBuilder.ProviderId)
        .WithOrganisation("P-2", OrganisationKind.Traeger, "ST")
        .WithAgreementRow(new Agreement("AG-1", FactsBuilder.ProviderId, AgreementKind.Qev, QevDate, null, null) { QevId = "QEV-MD-2017" })
        .WithAgreementRow(new Agreement("AG-2", "P-2", AgreementKind.Qev, new DateOnly(2018, 3, 15), null, null) { QevId = "QEV-MD-2017" });

    [Fact]
    public void Evaluate_RowsOfDifferentDates_CountsFromTheEarliestAndNoProviderHint()
    {
        // Given
        var facts = QevWithALaterRow();

        // When
        var deadline = Evaluate(new F10QevFortschreibungRule(), facts, "magdeburg", new DateOnly(2020, 3, 2)).ShouldHaveSingleItem();

        // Then: 01.07.2017 + 3 years = Wednesday 01.07.2020 (not 15.03.2021 from P-2's row); two providers, so no single
        // provider's Leitung is told
        deadline.DueDate.ShouldBe(new DateOnly(2020, 7, 1));
        deadline.InformedStaffId.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_OnlyP1Renewed_TheQevsOwnLaterRowOfP2DoesNotRenewIt()
    {
        // Given: P-1 concluded a new QEV on 01.06.2020; P-2 has only its row of the old QEV, dated after the QEV's start
        var facts = QevWithALaterRow()
            .WithAgreementRow(new Agreement("AG-3", FactsBuilder.ProviderId, AgreementKind.Qev, new DateOnly(2020, 6, 1), null, null) { QevId = "QEV-P1-2020" });

        // When
        var old = Evaluate(new F10QevFortschreibungRule(), facts, "magdeburg", new DateOnly(2020, 7, 2)).Single(d => d.SubjectId == "QEV-MD-2017");

        // Then
        old.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_OtherQevAndLeqOfTheSameDay_DoNotRenewIt()
    {
        // Given: a QEV of one provider of 01.07.2017, and on that same day another QEV and an LEQ including the QEV
        var facts = new FactsBuilder()
            .WithLeitung("S-20", FactsBuilder.JugendamtId)
            .WithLeitung("S-30", FactsBuilder.ProviderId)
            .WithAgreementRow(new Agreement("AG-1", FactsBuilder.ProviderId, AgreementKind.Qev, QevDate, null, null))
            .WithAgreementRow(new Agreement("AG-9", FactsBuilder.ProviderId, AgreementKind.Qev, QevDate, null, null) { QevId = "QEV-OTHER" })
            .WithAgreementRow(new Agreement("LEQ-1", FactsBuilder.ProviderId, AgreementKind.Leq, QevDate, null, null) { IncludesQev = true });

        // When
        var deadline = Evaluate(new F10QevFortschreibungRule(), facts, "magdeburg", new DateOnly(2020, 7, 2)).Single(d => d.SubjectId == "AG-1");

        // Then: neither is later than the QEV, so it is overdue; one provider, so its Leitung S-30 gets the hint
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
        deadline.InformedStaffId.ShouldBe("S-30");
    }
}
