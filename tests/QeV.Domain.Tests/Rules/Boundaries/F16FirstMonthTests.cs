using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// F16, seed 000 (Anlage, line 399): "Die monatlich erbrachten Leistungen werden durch die Unterschrift der Klient*innen
/// belegt (Nachweisblatt) und ebenfalls monatlich der fallführenden Fachkraft zur Prüfung zur Verfügung gestellt." A
/// sheet is owed for each month of the help within the look-back (magdeburg: 12 months up to the current one), not for
/// the months before the help began.
/// </summary>
public sealed class F16FirstMonthTests
{
    [Fact]
    public void Evaluate_HelpBeganInsideTheLookBack_OneSheetPerMonthFromItsStart()
    {
        // Given: help since 10.03.2026, judged on 15.06.2026
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2026, 3, 10));

        // When
        var deadlines = Evaluate(new F16NachweisblattRule(), facts, "magdeburg", new DateOnly(2026, 6, 15));

        // Then: each due at the end of the following month, on the next business day
        deadlines.Select(d => (d.Name, d.DueDate)).OrderBy(x => x.DueDate).ShouldBe(
        [
            ("Nachweisblatt 03/2026", new DateOnly(2026, 4, 30)), // Thursday
            ("Nachweisblatt 04/2026", new DateOnly(2026, 6, 1)), // Sunday 31.05. → Monday
            ("Nachweisblatt 05/2026", new DateOnly(2026, 6, 30)), // Tuesday
            ("Nachweisblatt 06/2026", new DateOnly(2026, 7, 31)), // Friday
        ]);
    }

    [Theory]
    [InlineData("2025-05-31", 13)] // began before the look-back: its 13 months 06/2025 – 06/2026
    [InlineData("2025-06-01", 13)] // began on its first day
    [InlineData("2025-07-01", 12)] // began a month into it
    public void Evaluate_HelpBeganAroundTheFirstMonthOfTheLookBack_SheetsFromTheLaterOfBoth(string start, int sheets)
    {
        // Given
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, Day(start));

        // When
        var deadlines = Evaluate(new F16NachweisblattRule(), facts, "magdeburg", new DateOnly(2026, 6, 15));

        // Then
        deadlines.Count.ShouldBe(sheets);
        deadlines.Min(d => d.DueDate).ShouldBe(sheets == 13 ? new DateOnly(2025, 7, 31) : new DateOnly(2025, 9, 1));
    }
}
