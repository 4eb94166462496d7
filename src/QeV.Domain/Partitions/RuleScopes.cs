namespace QeV.Domain.Partitions;

/// <summary>
/// What each rule of the catalogue reads, and whether its outcome depends on the day it is judged on beyond the status
/// (year quotas, pace checks, windows up to today). A rule that is not listed here cannot be evaluated by partition;
/// the scan then evaluates the whole database at once (RuleScopesTests keeps this table honest).
/// </summary>
public static class RuleScopes
{
    private static readonly Dictionary<string, (RuleScope Scope, bool DayDependent)> Table = new(StringComparer.Ordinal)
    {
        ["F01"] = (RuleScope.Case, false),
        ["F02"] = (RuleScope.Case, false),
        ["F03"] = (RuleScope.Case, false),
        ["F04"] = (RuleScope.Case, false),
        ["F05"] = (RuleScope.Case, false),
        ["F06"] = (RuleScope.Case, false),
        ["F07"] = (RuleScope.Organisation, false),
        ["F08"] = (RuleScope.Organisation, true),
        ["F09"] = (RuleScope.Organisation, false),
        ["F10"] = (RuleScope.Organisation, false),
        ["F11"] = (RuleScope.Organisation, false),
        ["F12"] = (RuleScope.Staff, true),
        ["F13"] = (RuleScope.Staff, true),
        ["F14"] = (RuleScope.Staff, true),
        ["F15"] = (RuleScope.Case, true),
        ["F16"] = (RuleScope.Case, true),
        ["F17"] = (RuleScope.Case, true),
        ["F18"] = (RuleScope.Organisation, true),
        ["F19"] = (RuleScope.Case, false),
    };

    public static RuleScope? ScopeOf(string ruleId) => Table.TryGetValue(ruleId, out var entry) ? entry.Scope : null;

    /// <summary>True when the rule's deadlines (not only their status) change with the day judged on.</summary>
    public static bool IsDayDependent(string ruleId) => !Table.TryGetValue(ruleId, out var entry) || entry.DayDependent;
}
