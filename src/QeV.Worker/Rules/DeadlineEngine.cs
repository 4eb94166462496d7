using QeV.Worker.Facts;

namespace QeV.Worker.Rules;

/// <summary>Runs every active rule over one snapshot of facts, in the report's order.</summary>
public sealed class DeadlineEngine(IEnumerable<IDeadlineRule> rules)
{
    public IReadOnlyList<IDeadlineRule> Rules { get; } = rules.ToList();

    public IReadOnlyList<Deadline> Evaluate(FactSet facts, RuleContext context) =>
        Rules.SelectMany(rule => rule.Evaluate(facts, context))
            .OrderBy(d => d.DueDate)
            .ThenBy(d => d.Rule, StringComparer.Ordinal)
            .ThenBy(d => d.SubjectId, StringComparer.Ordinal)
            .ToList();
}
