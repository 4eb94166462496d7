using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F11 Überprüfung der Leistungsbeschreibung, seed 000 annex: "Dem Jugendamt liegt eine aktuelle
/// Leistungsbeschreibung … vor. Die Träger/ Leistungsanbieter überprüfen diese in einem Zeitraum von drei Jahren".
/// </summary>
public sealed class F11LeistungsbeschreibungRuleTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 2);

    [Fact]
    public void Evaluate_LeistungsbeschreibungOnRecord_DueThreeYearsLater()
    {
        // Given
        var facts = new FactsBuilder()
            .WithLeitung("S-30", FactsBuilder.ProviderId)
            .WithAgreement("AG-1", new DateOnly(2024, 1, 1))
            .WithReport("R-1", ReportKind.Leistungsbeschreibung, new DateOnly(2023, 11, 15));

        // When
        var deadline = Evaluate(new F11LeistungsbeschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: Wednesday 2023-11-15 + 3 years = Sunday 2026-11-15, on to Monday 2026-11-16
        deadline.DueDate.ShouldBe(new DateOnly(2026, 11, 16));
        deadline.SubjectId.ShouldBe(FactsBuilder.ProviderId);
        deadline.ResponsibleStaffId.ShouldBe("S-30");
    }

    [Fact]
    public void Evaluate_NoLeistungsbeschreibung_DueOnFirstAgreement()
    {
        // Given
        var facts = new FactsBuilder()
            .WithAgreement("AG-1", new DateOnly(2024, 1, 1))
            .WithAgreement("AG-2", new DateOnly(2025, 3, 1), AgreementKind.Leq);

        // When
        var deadline = Evaluate(new F11LeistungsbeschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2024, 1, 1));
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_ProviderWithoutAgreement_NoInstance()
    {
        // Given
        var facts = new FactsBuilder().WithReport("R-1", ReportKind.Leistungsbeschreibung, new DateOnly(2023, 11, 15));

        // When
        var deadlines = Evaluate(new F11LeistungsbeschreibungRule(), facts, "magdeburg", AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }
}
