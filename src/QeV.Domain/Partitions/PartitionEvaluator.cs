using QeV.Domain.Facts;
using QeV.Domain.Facts.Partitions;
using QeV.Domain.Rules;

namespace QeV.Domain.Partitions;

/// <summary>
/// Runs the rules over a batch of partitions through their ordinary entry point (<see cref="IDeadlineRule.Evaluate"/>):
/// the batch becomes a <see cref="FactSet"/> with the shared lookups, so a rule sees exactly the facts it would see in
/// the whole database, restricted to the subjects of the batch. Pure: no I/O.
/// </summary>
public sealed class PartitionEvaluator(IEnumerable<IDeadlineRule> rules)
{
    private readonly IReadOnlyList<IDeadlineRule> _rules = rules.ToList();

    public IReadOnlyList<IDeadlineRule> Rules => _rules;

    /// <summary>False when a rule's scope is unknown: the caller then evaluates the whole database at once.</summary>
    public bool CanPartition => _rules.All(r => RuleScopes.ScopeOf(r.Id) is not null);

    /// <summary>A batch of cases; <paramref name="notified"/>: the deadlines whose notice was delivered (ledger, F06).</summary>
    public static FactSet CaseFacts(FactLookups lookups, IReadOnlyList<CasePartition> batch, IReadOnlySet<string>? notified = null) => new(
        lookups, lookups.Staff,
        batch.Select(p => p.Case).ToList(),
        batch.SelectMany(p => p.Meetings).ToList(),
        batch.SelectMany(p => p.Reports).ToList(),
        batch.SelectMany(p => p.Appointments).ToList(),
        [], [], [], [],
        batch.SelectMany(p => p.HomeVisits).ToList())
    {
        NotifiedDeadlines = notified ?? new HashSet<string>(StringComparer.Ordinal),
    };

    public static FactSet StaffFacts(FactLookups lookups, IReadOnlyList<StaffPartition> batch) => new(
        lookups, batch.Select(p => p.Staff).ToList(), [], [], [], [],
        batch.SelectMany(p => p.Certificates).ToList(), [], [],
        batch.SelectMany(p => p.Trainings).ToList());

    public static FactSet OrganisationFactSet(FactLookups lookups, OrganisationFacts facts) => new(
        lookups, lookups.Staff, [], [], facts.Reports, [], [], facts.Agreements, facts.Ag78Sessions, [], [], facts.ProviderDialogues, facts.CaseCounts);

    /// <summary>The rules of <paramref name="scope"/> (only the day-dependent ones when asked) over one batch.</summary>
    public IReadOnlyList<PartitionDeadline> Evaluate(RuleScope scope, FactSet batch, RuleContext context, bool dayDependentOnly = false) =>
        Evaluate(scope, batch, context, [], dayDependentOnly);

    /// <summary>
    /// The same, guarded as the engine guards a whole evaluation (<see cref="DeadlineEngine.Run"/>): a case a rule fails
    /// on is left out and added to <paramref name="failures"/>, and a provider that has stopped owes nothing open.
    /// </summary>
    public IReadOnlyList<PartitionDeadline> Evaluate(
        RuleScope scope, FactSet batch, RuleContext context, List<RuleFailure> failures, bool dayDependentOnly = false)
    {
        var results = new List<PartitionDeadline>();
        var stopped = new InactiveProviders(batch);
        foreach (var rule in _rules)
        {
            if (RuleScopes.ScopeOf(rule.Id) != scope || (dayDependentOnly && !RuleScopes.IsDayDependent(rule.Id)))
            {
                continue;
            }

            var seq = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var deadline in DeadlineEngine.Run(rule, batch, context, stopped, failures))
            {
                var partition = PartitionDeadline.PartitionOf(scope, deadline.CaseId, deadline.SubjectId);
                var n = seq.GetValueOrDefault(partition);
                seq[partition] = n + 1;
                results.Add(new PartitionDeadline(scope, partition, n, deadline));
            }
        }

        return results;
    }

    /// <summary>The rules whose data this part of the database holds (RuleData); over all parts, a rule is present if any part has it.</summary>
    public IEnumerable<string> PresentIn(FactSet facts) => _rules.Where(r => RuleData.IsPresent(r.Id, facts)).Select(r => r.Id);

    /// <summary>The report's order: due date, rule, subject; ties keep the order the rule produced them in.</summary>
    public static IReadOnlyList<Deadline> Order(IEnumerable<PartitionDeadline> deadlines, IReadOnlyList<IDeadlineRule> catalogue)
    {
        var ruleOrder = catalogue.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return deadlines
            .OrderBy(d => d.Deadline.DueDate)
            .ThenBy(d => d.Deadline.Rule, StringComparer.Ordinal)
            .ThenBy(d => d.Deadline.SubjectId, StringComparer.Ordinal)
            .ThenBy(d => ruleOrder.GetValueOrDefault(d.Deadline.Rule))
            .ThenBy(d => d.PartitionId, StringComparer.Ordinal)
            .ThenBy(d => d.Seq)
            .Select(d => d.Deadline)
            .ToList();
    }
}
