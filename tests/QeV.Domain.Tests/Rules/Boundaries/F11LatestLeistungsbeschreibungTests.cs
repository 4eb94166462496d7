using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// F11, seed 000 (Anlage, line 237): "Die Träger/ Leistungsanbieter überprüfen diese in einem Zeitraum von drei Jahren"
/// — counted from the provider's own latest Leistungsbeschreibung: the latest of several, and neither another
/// provider's Leistungsbeschreibung nor another kind of report of the same provider.
/// </summary>
public sealed class F11LatestLeistungsbeschreibungTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 2);

    [Fact]
    public void Evaluate_ThreeLeistungsbeschreibungen_CountsFromTheLatest()
    {
        // Given: out of order, the latest in the middle
        var facts = new FactsBuilder()
            .WithAgreement("AG-1", new DateOnly(2020, 1, 6))
            .WithReport("R-1", ReportKind.Leistungsbeschreibung, new DateOnly(2021, 2, 1))
            .WithReport("R-2", ReportKind.Leistungsbeschreibung, new DateOnly(2023, 11, 15))
            .WithReport("R-3", ReportKind.Leistungsbeschreibung, new DateOnly(2022, 7, 1));

        // When
        var deadline = Evaluate(new F11LeistungsbeschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: Wednesday 15.11.2023 + 3 years = Sunday 15.11.2026, on to Monday 16.11.2026
        // (from the earliest, 01.02.2021, it would be Thursday 01.02.2024)
        deadline.DueDate.ShouldBe(new DateOnly(2026, 11, 16));
        deadline.Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    [Theory]
    [InlineData(ReportKind.Leistungsbeschreibung, "P-2")] // the right kind, another provider
    [InlineData(ReportKind.Leistungsbericht, FactsBuilder.ProviderId)] // the right provider, another kind
    public void Evaluate_LaterReportMatchingOnlyOneCondition_DoesNotCount(ReportKind kind, string organisationId)
    {
        // Given
        var facts = new FactsBuilder()
            .WithAgreement("AG-1", new DateOnly(2020, 1, 6))
            .WithReport("R-1", ReportKind.Leistungsbeschreibung, new DateOnly(2023, 11, 15))
            .WithReport("R-2", kind, new DateOnly(2025, 6, 2), organisationId);

        // When
        var deadline = Evaluate(new F11LeistungsbeschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: still 16.11.2026 (counted from R-2, Monday 02.06.2025, it would be Tuesday 02.06.2028)
        deadline.SubjectId.ShouldBe(FactsBuilder.ProviderId);
        deadline.DueDate.ShouldBe(new DateOnly(2026, 11, 16));
    }
}
