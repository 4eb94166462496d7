using QeV.Domain.Calendar;
using QeV.Domain.Rules;
using QeV.Domain.Profiles;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F07 under the profiles. Seed 000 § 4 Nr. 1.4: "Der Leistungsbericht wird alle 2 Jahre nach Abschluss der
/// Qualitätsentwicklungsvereinbarung … zur Verfügung gestellt." Seed 001 (magdeburg-2017) § 4 Nr. 1.4: "Der
/// Leistungsbericht wird alle 2 Jahre, frühestens ab 01.01.2019, … zur Verfügung gestellt." A first due date before
/// 01.01.2019 becomes that day; the later ones follow it every two years.
/// </summary>
public sealed class F07LeistungsberichtProfileTests
{
    private static readonly DateOnly AsOf = new(2018, 6, 1);

    [Theory]
    // concluded Tuesday 2016-03-01: + 2 years = Thursday 2018-03-01
    [InlineData("magdeburg", "2016-03-01", 0, "2018-03-01")]
    // the 2017 text: not before 01.01.2019, Neujahr (a Tuesday): on to Wednesday 2019-01-02
    [InlineData("magdeburg-2017", "2016-03-01", 0, "2019-01-02")]
    // one report received: 2016-03-01 + 4 years = Sunday 2020-03-01, on to Monday 2020-03-02
    [InlineData("magdeburg", "2016-03-01", 1, "2020-03-02")]
    // one report received: 01.01.2019 + 2 years = Friday 2021-01-01 (Neujahr), over the weekend to Monday 2021-01-04
    [InlineData("magdeburg-2017", "2016-03-01", 1, "2021-01-04")]
    // concluded on the 2017 text's start, Saturday 2017-07-01: + 2 years = Monday 2019-07-01, after 01.01.2019
    [InlineData("magdeburg", "2017-07-01", 0, "2019-07-01")]
    [InlineData("magdeburg-2017", "2017-07-01", 0, "2019-07-01")]
    public void Evaluate_SameAgreementUnderEachProfile_DueAsItsTextSays(string profile, string concluded, int reports, string expected)
    {
        // Given
        var facts = new FactsBuilder().WithAgreement("AG-1", RuleContexts.Day(concluded));
        for (var i = 1; i <= reports; i++)
        {
            facts.WithLeistungsbericht($"R-{i}", new DateOnly(2019, 1, 10).AddYears(2 * (i - 1)));
        }

        // When
        var deadline = Evaluate(facts, profile).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(RuleContexts.Day(expected));
    }

    [Fact]
    public void Evaluate_RuleDisabledInProfile_ProducesNothing()
    {
        // Given
        var facts = new FactsBuilder().WithAgreement("AG-1", new DateOnly(2016, 3, 1));
        // (Rules:F07:Enabled=false through configuration: RuleProfileBinderTests in the worker's tests.)
        var profile = BuiltInProfiles.Create("magdeburg")!;
        profile.Rules["F07"].Enabled = false;

        // When
        var deadlines = new F07LeistungsberichtRule()
            .Evaluate(facts.Build(), new RuleContext(AsOf, new BusinessCalendar(), Bundesland.ST, profile)).ToList();

        // Then
        deadlines.ShouldBeEmpty();
    }

    private static List<Deadline> Evaluate(FactsBuilder facts, string profile) =>
        new F07LeistungsberichtRule()
            .Evaluate(facts.Build(), new RuleContext(AsOf, new BusinessCalendar(), Bundesland.ST, BuiltInProfiles.Create(profile)!))
            .ToList();
}
