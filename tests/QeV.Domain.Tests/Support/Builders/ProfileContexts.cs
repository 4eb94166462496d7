using QeV.Domain.Calendar;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;

namespace QeV.Domain.Tests.Support.Builders;

/// <summary>Rule contexts under a built-in profile, with the profile's Bundesland as the default state.</summary>
public static class ProfileContexts
{
    public static RuleContext Under(string profile, DateOnly asOf)
    {
        var rules = BuiltInProfiles.Create(profile) ?? throw new ArgumentException(profile);
        BundeslandCodes.TryParse(rules.DefaultState, out var state).ShouldBeTrue();
        return new RuleContext(asOf, new BusinessCalendar(), state, rules);
    }

    /// <summary>Evaluates one rule under a profile.</summary>
    public static List<Deadline> Evaluate(IDeadlineRule rule, FactsBuilder facts, string profile, DateOnly asOf) =>
        rule.Evaluate(facts.Build(), Under(profile, asOf)).ToList();
}
