using QeV.Domain.Rules;
using QeV.Domain.Tests.Support.Builders;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// Bad facts never stop everyone's mail. Seed 000, Hilfeplanverfahren: "In Vorbereitung der Hilfeplanfortschreibung
/// erhält die fallführende Fachkraft zwei Wochen vorab einen Entwicklungsbericht" — one Fortschreibung dated in year
/// 0001 (written into the database by another tool than the import, which refuses it) has no "zwei Wochen vorab". That
/// case becomes a data problem; every other case keeps its deadline, its reminder and its digest.
/// </summary>
public sealed class BadFactsTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 5);

    private static FactsBuilder TwoCasesOneInYearOne() => new FactsBuilder()
        .WithCase("C-18", fileReference: "51.2-0018/26")
        .WithMeeting("M-1", new DateOnly(2026, 6, 24))
        .WithMeeting("M-2", new DateOnly(1, 1, 3), caseId: "C-18");

    [Fact]
    public void EvaluateAll_MeetingInYearOne_OtherCasesStandAndTheCaseIsAFailure()
    {
        // Given
        var facts = TwoCasesOneInYearOne().Build();
        var engine = new DeadlineEngine(RuleCatalog.All);

        // When
        var (deadlines, failures) = engine.EvaluateAll(facts, RuleContexts.AsOf(AsOf));

        // Then: F01 for M-1 is there, M-2 is not; the failure names the file reference and the case manager
        deadlines.Where(d => d.Rule == "F01").Select(d => d.SubjectId).ShouldBe(["M-1"]);
        var failure = failures.ShouldHaveSingleItem();
        failure.Rule.ShouldBe("F01");
        failure.CaseId.ShouldBe("C-18");
        failure.StaffId.ShouldBe(FactsBuilder.CaseManagerId);
        failure.Describe().ShouldBe("Regel F01 konnte für 51.2-0018/26 nicht berechnet werden: ein Datum führt aus dem Kalender hinaus (z. B. Jahr 0001); bitte die Daten prüfen");
    }

    [Fact]
    public void EvaluateAll_MeetingInYearOne_OtherRulesOfThatCaseStand()
    {
        // Given: the broken case also runs an F02 Fortschreibung count from its start
        var facts = TwoCasesOneInYearOne().Build();

        // When
        var (deadlines, _) = new DeadlineEngine(RuleCatalog.All).EvaluateAll(facts, RuleContexts.AsOf(AsOf));

        // Then
        deadlines.Where(d => d.Rule == "F02").Select(d => d.CaseId).ShouldBe([FactsBuilder.CaseId, "C-18"], ignoreOrder: true);
    }

    [Fact]
    public void EvaluateAll_GoodFacts_SameAsEvaluateAndNoFailure()
    {
        // Given
        var facts = new FactsBuilder().WithMeeting("M-1", new DateOnly(2026, 6, 24)).Build();
        var engine = new DeadlineEngine(RuleCatalog.All);

        // When
        var (deadlines, failures) = engine.EvaluateAll(facts, RuleContexts.AsOf(AsOf));

        // Then
        failures.ShouldBeEmpty();
        deadlines.ShouldBe(engine.Evaluate(facts, RuleContexts.AsOf(AsOf)));
    }
}
