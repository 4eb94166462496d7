using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F10 Fortschreibung der QEV, seed 000 § 5 Nr. 1: "Das Jugendamt vereinbart gemeinsam mit den Trägern/
/// Leistungsanbietern im Rahmen der AG § 78 SGB VIII die Fortschreibung der vorliegenden
/// Qualitätsentwicklungsvereinbarung nach spätestens 3 Jahren."
/// </summary>
public sealed class F10QevFortschreibungRuleTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 2);

    [Fact]
    public void Evaluate_Qev_DueThreeYearsAfterConclusionNextBusinessDay()
    {
        // Given
        var facts = new FactsBuilder().WithLeitung("S-20", FactsBuilder.JugendamtId).WithAgreement("AG-1", new DateOnly(2024, 1, 1));

        // When
        var deadline = Evaluate(new F10QevFortschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: 2024-01-01 + 3 years = Neujahr 2027-01-01 (a Friday), over the weekend to Monday 2027-01-04
        deadline.DueDate.ShouldBe(new DateOnly(2027, 1, 4));
        deadline.SubjectType.ShouldBe(SubjectType.Agreement);
        deadline.ResponsibleStaffId.ShouldBe("S-20");
    }

    [Fact]
    public void Evaluate_LaterQevConcluded_EarlierFulfilledLaterOpen()
    {
        // Given
        var facts = new FactsBuilder()
            .WithAgreement("AG-1", new DateOnly(2024, 1, 1))
            .WithAgreement("AG-2", new DateOnly(2026, 6, 1));

        // When
        var deadlines = Evaluate(new F10QevFortschreibungRule(), facts, "magdeburg", AsOf);

        // Then: AG-2 due Friday 2029-06-01
        deadlines.Select(d => (d.SubjectId, d.DueDate, d.Status)).OrderBy(x => x.SubjectId).ShouldBe(
        [
            ("AG-1", new DateOnly(2027, 1, 4), DeadlineStatus.Fulfilled),
            ("AG-2", new DateOnly(2029, 6, 1), DeadlineStatus.Upcoming),
        ]);
    }

    [Fact]
    public void Evaluate_LeqOnly_NoInstance()
    {
        // Given
        var facts = new FactsBuilder().WithAgreement("AG-1", new DateOnly(2024, 1, 1), AgreementKind.Leq);

        // When
        var deadlines = Evaluate(new F10QevFortschreibungRule(), facts, "magdeburg", AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }
}
