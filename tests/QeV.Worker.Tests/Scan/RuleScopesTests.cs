using QeV.Demo;
using QeV.Domain.Calendar;
using QeV.Domain.Partitions;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Scan;

/// <summary>
/// Keeps the scope table honest when rules change (issue 10 works on them): a rule the scan treats as day-independent
/// must give the same deadlines (apart from their status) on any day, and a case rule's deadlines must name their case,
/// or the incremental scan would keep stale rows.
/// </summary>
public sealed class RuleScopesTests
{
    private static readonly DateOnly SeedDay = new(2026, 11, 23);

    [Fact]
    public void ScopeOf_EveryRuleOfTheCatalogue_IsKnown() =>
        RuleCatalog.All.Where(r => RuleScopes.ScopeOf(r.Id) is null).Select(r => r.Id).ShouldBeEmpty();

    [Theory]
    [InlineData("magdeburg")]
    [InlineData("bad-duerkheim")]
    [InlineData("nrw-qe-vereinbarung")]
    public async Task DayIndependentRules_DemoDataOnDifferentDays_GiveTheSameDeadlinesApartFromStatus(string profile)
    {
        // Given
        using var db = await TestDatabase.CreateAsync();
        await db.WriteAsync(DemoDataGenerator.Generate(78, SeedDay));
        var facts = await db.LoadFactsAsync();
        var rules = BuiltInProfiles.Create(profile)!;
        var calendar = new BusinessCalendar();

        foreach (var rule in RuleCatalog.All.Where(r => !RuleScopes.IsDayDependent(r.Id)))
        {
            // When
            var days = new[] { SeedDay.AddYears(-2), SeedDay, SeedDay.AddDays(200), SeedDay.AddYears(3) };
            var seen = days.Select(day => rule.Evaluate(facts, new RuleContext(day, calendar, Bundesland.ST, rules))
                .Select(d => d with { Status = DeadlineStatus.Upcoming }).ToList()).ToList();

            // Then
            foreach (var other in seen.Skip(1))
            {
                other.ShouldBe(seen[0], $"{rule.Id} in {profile} depends on the day: mark it day-dependent in RuleScopes");
            }
        }
    }

    [Fact]
    public async Task CaseRules_DemoData_EveryDeadlineNamesItsCase()
    {
        using var db = await TestDatabase.CreateAsync();
        await db.WriteAsync(DemoDataGenerator.Generate(78, SeedDay));
        var facts = await db.LoadFactsAsync();
        var context = new RuleContext(SeedDay, new BusinessCalendar(), Bundesland.ST, BuiltInProfiles.Create("magdeburg"));

        var deadlines = RuleCatalog.All.Where(r => RuleScopes.ScopeOf(r.Id) == RuleScope.Case).SelectMany(r => r.Evaluate(facts, context)).ToList();

        deadlines.ShouldNotBeEmpty();
        deadlines.ShouldAllBe(d => d.CaseId != null && facts.CaseById.ContainsKey(d.CaseId));
    }
}
