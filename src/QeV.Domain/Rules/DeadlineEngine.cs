using QeV.Domain.Facts;

namespace QeV.Domain.Rules;

/// <summary>Runs every active rule over one snapshot of facts, in the report's order.</summary>
public sealed class DeadlineEngine(IEnumerable<IDeadlineRule> rules)
{
    public IReadOnlyList<IDeadlineRule> Rules { get; } = rules.ToList();

    public IReadOnlyList<Deadline> Evaluate(FactSet facts, RuleContext context) =>
        Rules.Where(rule => RuleData.IsPresent(rule.Id, facts))
            .SelectMany(rule => rule.Evaluate(facts, context))
            .OrderBy(d => d.DueDate)
            .ThenBy(d => d.Rule, StringComparer.Ordinal)
            .ThenBy(d => d.SubjectId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Active rules that were skipped because the database holds none of the facts they judge.</summary>
    public IReadOnlyList<string> SkippedForLackOfData(FactSet facts, RuleContext context) =>
        Rules.Where(rule => context.IsEnabled(rule.Id) && !RuleData.IsPresent(rule.Id, facts)).Select(rule => rule.Id).ToList();
}
