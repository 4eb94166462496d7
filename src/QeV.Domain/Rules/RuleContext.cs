using QeV.Domain.Calendar;
using QeV.Domain.Profiles;

namespace QeV.Domain.Rules;

/// <summary>
/// What a rule needs besides the facts: the date to judge by, the business calendar, and the profile whose values
/// it applies (without one, the built-in default profile „magdeburg“).
/// </summary>
public sealed record RuleContext(DateOnly AsOf, BusinessCalendar Calendar, Bundesland DefaultState, RuleProfile? Profile = null)
{
    public RuleProfile Rules => Profile ?? BuiltInProfiles.Default;

    /// <summary>The profiles of Jugendämter that do not use the default one (Rules:Jugendaemter); empty: one profile for all.</summary>
    public ProfileMap Map { get; init; } = ProfileMap.None;

    public RuleSettings Settings(string ruleId) => Rules.For(ruleId);

    public bool IsEnabled(string ruleId) => Rules.IsEnabled(ruleId);

    /// <summary>The rule's name as the profile's agreement calls it, else the catalogue name.</summary>
    public string NameOf(IDeadlineRule rule) => Rules.For(rule.Id).Name ?? rule.Name;

    public DeadlineStatus StatusOf(DateOnly due, bool fulfilled = false) =>
        fulfilled ? DeadlineStatus.Fulfilled
        : due > AsOf ? DeadlineStatus.Upcoming
        : due == AsOf ? DeadlineStatus.Due
        : DeadlineStatus.Overdue;
}
