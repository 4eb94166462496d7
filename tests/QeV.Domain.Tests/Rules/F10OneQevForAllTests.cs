using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F10, the QEV is one agreement for all providers. Seed 000 § 6 Nr. 1: "Die Vereinbarung gilt in Zusammenhang mit
/// ihrer Einführung einheitlich für alle in § 2 beschriebenen Träger/ Leistungsanbieter"; seed 001: "… ab dem
/// 01.07.2017"; § 5 Nr. 1: "… die Fortschreibung der vorliegenden Qualitätsentwicklungsvereinbarung nach spätestens 3
/// Jahren"; § 6 Nr. 2: "Zukünftig wird die Qualitätsentwicklungsvereinbarung bei Abschluss einer neuen Leistungs- und
/// Entgeltvereinbarung als Bestandteil dieser … (LEQ) gesehen."
/// </summary>
public sealed class F10OneQevForAllTests
{
    private static readonly DateOnly AsOf = new(2020, 3, 2);
    private static readonly DateOnly QevDate = new(2017, 7, 1);

    /// <summary>The Magdeburg QEV of 01.07.2017 with P-1 from the start and P-2, which joined on 15.03.2018.</summary>
    private static FactsBuilder SharedQev() => new FactsBuilder()
        .WithLeitung("S-20", FactsBuilder.JugendamtId)
        .WithOrganisation("P-2", OrganisationKind.Traeger, "ST")
        .WithAgreementRow(new Agreement("AG-1", FactsBuilder.ProviderId, AgreementKind.Qev, QevDate, null, null) { QevId = "QEV-MD-2017" })
        .WithAgreementRow(new Agreement("AG-2", "P-2", AgreementKind.Qev, new DateOnly(2018, 3, 15), null, null)
        {
            QevId = "QEV-MD-2017",
            QevDate = QevDate,
        });

    [Fact]
    public void Evaluate_TwoProvidersOfOneQev_OneRenewalFromTheQevsOwnDate()
    {
        // Given
        var facts = SharedQev();

        // When
        var deadline = Evaluate(new F10QevFortschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: 01.07.2017 + 3 years = Wednesday 01.07.2020, not 15.03.2021 for the provider that joined later
        deadline.SubjectId.ShouldBe("QEV-MD-2017");
        deadline.DueDate.ShouldBe(new DateOnly(2020, 7, 1));
        deadline.ResponsibleStaffId.ShouldBe("S-20");
        deadline.Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    [Fact]
    public void Evaluate_LeqIncludingTheQevForEveryProvider_Fulfilled()
    {
        // Given: both providers concluded an LEQ that includes the QEV
        var facts = SharedQev()
            .WithAgreementRow(new Agreement("LEQ-1", FactsBuilder.ProviderId, AgreementKind.Leq, new DateOnly(2019, 5, 1), null, null) { IncludesQev = true })
            .WithAgreementRow(new Agreement("LEQ-2", "P-2", AgreementKind.Leq, new DateOnly(2019, 9, 1), null, null) { IncludesQev = true });

        // When
        var deadline = Evaluate(new F10QevFortschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Fact]
    public void Evaluate_LeqWithoutTheQevOrOnlyOneProvider_StillOpen()
    {
        // Given: P-1's LEQ includes the QEV, P-2's LEQ does not
        var facts = SharedQev()
            .WithAgreementRow(new Agreement("LEQ-1", FactsBuilder.ProviderId, AgreementKind.Leq, new DateOnly(2019, 5, 1), null, null) { IncludesQev = true })
            .WithAgreementRow(new Agreement("LEQ-2", "P-2", AgreementKind.Leq, new DateOnly(2019, 9, 1), null, null));

        // When
        var deadline = Evaluate(new F10QevFortschreibungRule(), facts, "magdeburg", new DateOnly(2020, 7, 2)).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_NewQevForAllProviders_OldFulfilledNewOpen()
    {
        // Given: the AG § 78 renewed the QEV on 01.06.2020 for both providers
        var facts = SharedQev()
            .WithAgreementRow(new Agreement("AG-3", FactsBuilder.ProviderId, AgreementKind.Qev, new DateOnly(2020, 6, 1), null, null) { QevId = "QEV-MD-2020" })
            .WithAgreementRow(new Agreement("AG-4", "P-2", AgreementKind.Qev, new DateOnly(2020, 6, 1), null, null) { QevId = "QEV-MD-2020" });

        // When
        var deadlines = Evaluate(new F10QevFortschreibungRule(), facts, "magdeburg", new DateOnly(2020, 7, 2));

        // Then
        deadlines.Select(d => (d.SubjectId, d.Status)).OrderBy(x => x.SubjectId, StringComparer.Ordinal).ShouldBe(
        [
            ("QEV-MD-2017", DeadlineStatus.Fulfilled),
            ("QEV-MD-2020", DeadlineStatus.Upcoming),
        ]);
    }

    [Fact]
    public void Evaluate_ProviderThatStoppedWithoutRenewal_DoesNotHoldTheQevOpen()
    {
        // Given: P-2 has stopped (organisations.active = false); P-1's LEQ includes the QEV
        var facts = SharedQev()
            .WithOrganisationActive("P-2", false)
            .WithAgreementRow(new Agreement("LEQ-1", FactsBuilder.ProviderId, AgreementKind.Leq, new DateOnly(2019, 5, 1), null, null) { IncludesQev = true });

        // When
        var deadline = Evaluate(new F10QevFortschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }
}
