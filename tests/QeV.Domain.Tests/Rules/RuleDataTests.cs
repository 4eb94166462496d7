using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// A rule whose facts an export does not carry at all (an optional file or column) stays silent rather than flagging
/// every case: "nicht exportiert" is not "nicht erledigt".
/// </summary>
public sealed class RuleDataTests
{
    private static IReadOnlyList<Deadline> Evaluate(FactSet facts, string asOf) =>
        new DeadlineEngine([new F04HilfeplanVersandRule(), new F15HausbesuchRule()]).Evaluate(facts, AsOf(Day(asOf)));

    [Fact]
    public void Evaluate_NoMeetingHasAPlanSentDate_NoF04()
    {
        // Given: held meetings, but the export has no plan_sent_date column filled anywhere
        var facts = new FactsBuilder().WithMeetingRecord("M-1", Day("2026-03-02"), MeetingKind.Initial).Build();

        // When
        var deadlines = Evaluate(facts, "2026-06-01");

        // Then
        deadlines.ShouldNotContain(d => d.Rule == "F04");
        new DeadlineEngine([new F04HilfeplanVersandRule()]).SkippedForLackOfData(facts, AsOf(Day("2026-06-01"))).ShouldBe(["F04"]);
    }

    [Fact]
    public void Evaluate_OneMeetingHasAPlanSentDate_F04JudgesTheOthers()
    {
        // Given: the column is exported (one meeting has it), the other meeting's plan is missing
        var facts = new FactsBuilder()
            .WithMeetingRecord("M-1", Day("2026-03-02"), MeetingKind.Initial, planSent: Day("2026-03-10"))
            .WithMeetingRecord("M-2", Day("2026-04-06"), MeetingKind.Fortschreibung)
            .Build();

        // When
        var deadlines = Evaluate(facts, "2026-06-01");

        // Then
        deadlines.ShouldContain(d => d.Rule == "F04" && d.SubjectId == "M-2" && d.Status == DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_NoHomeVisitsImported_NoF15()
    {
        // Given: a case running for years, no home_visits.csv ever imported
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, Day("2023-01-02")).Build();

        // When / Then
        Evaluate(facts, "2026-06-01").ShouldNotContain(d => d.Rule == "F15");
    }

    [Fact]
    public void Evaluate_HomeVisitsImported_F15JudgesTheCase()
    {
        // Given: the file exists (one visit), the help year 2025-01-02 … 2026-01-01 had only that one visit
        var facts = new FactsBuilder()
            .WithCaseDates(FactsBuilder.CaseId, Day("2023-01-02"))
            .WithHomeVisit("V-1", Day("2025-05-05"))
            .Build();

        // When / Then
        Evaluate(facts, "2026-06-01").ShouldContain(d => d.Rule == "F15");
    }
}
