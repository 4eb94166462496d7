using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F15 Hausbesuche, seed 000 annex "Fallbegleitung": "… sind in der Zeit der Hilfegewährung durch die fallführende
/// Fachkraft 2 bis 3 direkte Kontakte jährlich im Haushalt der Hilfeempfänger*innen … verpflichtend umzusetzen."
/// Counted per help year from Hilfebeginn (the default case starts on 2025-01-15).
/// </summary>
public sealed class F15HausbesuchRuleTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 1);

    [Fact]
    public void Evaluate_SecondHelpYear_PreviousAndCurrentYearInstances()
    {
        // Given: two visits in the first help year (2025-01-15 … 2026-01-14), none yet in the second
        var facts = new FactsBuilder()
            .WithHomeVisit("HB-1", new DateOnly(2025, 3, 3))
            .WithHomeVisit("HB-2", new DateOnly(2025, 9, 1));

        // When
        var deadlines = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", AsOf).OrderBy(d => d.DueDate).ToList();

        // Then: the help years end on Wednesday 2026-01-14 and Thursday 2027-01-14
        deadlines.Select(d => (d.DueDate, d.Status)).ShouldBe(
        [
            (new DateOnly(2026, 1, 14), DeadlineStatus.Fulfilled),
            (new DateOnly(2027, 1, 14), DeadlineStatus.Upcoming),
        ]);
        deadlines.ShouldAllBe(d => d.ResponsibleStaffId == FactsBuilder.CaseManagerId && d.SubjectId == FactsBuilder.CaseId);
    }

    [Fact]
    public void Evaluate_OneVisitOnly_Overdue()
    {
        // Given
        var facts = new FactsBuilder().WithHomeVisit("HB-1", new DateOnly(2025, 3, 3));

        // When
        var firstYear = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", AsOf).MinBy(d => d.DueDate)!;

        // Then
        firstYear.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_VisitOutsideTheHelpYear_DoesNotCount()
    {
        // Given: the second visit falls on the first day of the second help year
        var facts = new FactsBuilder()
            .WithHomeVisit("HB-1", new DateOnly(2025, 3, 3))
            .WithHomeVisit("HB-2", new DateOnly(2026, 1, 15));

        // When
        var firstYear = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", AsOf).MinBy(d => d.DueDate)!;

        // Then
        firstYear.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_HelpEndsWithinTheYear_ThatYearDropped()
    {
        // Given
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 1, 15), new DateOnly(2026, 6, 30));

        // When
        var deadline = Evaluate(new F15HausbesuchRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2026, 1, 14));
    }
}
