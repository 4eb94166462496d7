using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F11, issue 10 point 8. Seed 000 annex, Leistungsbeschreibung: "Dem Jugendamt liegt eine aktuelle
/// Leistungsbeschreibung … vor." With none on record it is owed from the provider's first agreement ("im Vorfeld der
/// Leistungserbringung"); that date moves to a business day like every other due date of the catalogue.
/// </summary>
public sealed class F11BusinessDayTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 2);

    [Theory]
    // Saturday 01.06.2024 → Monday 03.06.2024
    [InlineData("2024-06-01", "2024-06-03")]
    // Tag der Deutschen Einheit, Thursday 03.10.2024 → Friday 04.10.2024
    [InlineData("2024-10-03", "2024-10-04")]
    // Christmas Eve is a business day in Sachsen-Anhalt: Tuesday 24.12.2024 stays
    [InlineData("2024-12-24", "2024-12-24")]
    // 25./26.12.2025 holidays, then the weekend → Monday 29.12.2025
    [InlineData("2025-12-25", "2025-12-29")]
    public void Evaluate_NoLeistungsbeschreibungAgreementOnAHoliday_DueOnTheNextBusinessDay(string concluded, string expected)
    {
        // Given
        var facts = new FactsBuilder().WithAgreement("AG-1", RuleContexts.Day(concluded));

        // When
        var deadline = Evaluate(new F11LeistungsbeschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(RuleContexts.Day(expected));
    }
}
