using QeV.Domain.Facts;

namespace QeV.Domain.Rules;

/// <summary>
/// Runs every active rule over one snapshot of facts, in the report's order. A rule that throws on some facts (a
/// meeting dated in year 0001 that came in by another way than the import) is run again without the cases it fails on:
/// those cases become <see cref="RuleFailure"/>s, the rule's other deadlines stand.
/// </summary>
public sealed class DeadlineEngine(IEnumerable<IDeadlineRule> rules)
{
    public IReadOnlyList<IDeadlineRule> Rules { get; } = rules.ToList();

    public IReadOnlyList<Deadline> Evaluate(FactSet facts, RuleContext context) => EvaluateAll(facts, context).Deadlines;

    public (IReadOnlyList<Deadline> Deadlines, IReadOnlyList<RuleFailure> Failures) EvaluateAll(FactSet facts, RuleContext context)
    {
        var deadlines = new List<Deadline>();
        var failures = new List<RuleFailure>();
        var stopped = new InactiveProviders(facts);
        foreach (var rule in Rules.Where(rule => RuleData.IsPresent(rule.Id, facts)))
        {
            deadlines.AddRange(Run(rule, facts, context, stopped, failures));
        }

        var ordered = deadlines
            .OrderBy(d => d.DueDate)
            .ThenBy(d => d.Rule, StringComparer.Ordinal)
            .ThenBy(d => d.SubjectId, StringComparer.Ordinal)
            .ToList();
        return (ordered, failures);
    }

    /// <summary>Active rules that were skipped because the database holds none of the facts they judge.</summary>
    public IReadOnlyList<string> SkippedForLackOfData(FactSet facts, RuleContext context) =>
        Rules.Where(rule => context.IsEnabled(rule.Id) && !RuleData.IsPresent(rule.Id, facts)).Select(rule => rule.Id).ToList();

    /// <summary>
    /// One rule over <paramref name="facts"/> as the engine runs it: the cases it fails on left out and recorded in
    /// <paramref name="failures"/>, and nothing open of a provider that has stopped (the scan's partitions use this too).
    /// </summary>
    public static IEnumerable<Deadline> Run(IDeadlineRule rule, FactSet facts, RuleContext context, InactiveProviders stopped, List<RuleFailure> failures)
    {
        var found = context.Map.IsEmpty ? Guarded(rule, facts, context, failures) : ProfileRun.PerProfile(rule, facts, context, failures, Guarded);
        return stopped.Any ? found.Where(d => !stopped.Hides(d)) : found;
    }

    private static IReadOnlyList<Deadline> Guarded(IDeadlineRule rule, FactSet facts, RuleContext context, List<RuleFailure> failures)
    {
        if (TryRun(rule, facts, context, out var all, out var error))
        {
            return all;
        }

        // Is the rule's part without any case broken? Then nothing of it can be trusted.
        if (!TryRun(rule, facts.WithCases(_ => false), context, out _, out var general))
        {
            failures.Add(new RuleFailure(rule.Id, null, null, null, Reason(general!)));
            return [];
        }

        var bad = new List<Case>();
        FindFailing(rule, facts, context, facts.Cases, bad);
        var badIds = bad.Select(c => c.CaseId).ToHashSet(StringComparer.Ordinal);
        foreach (var @case in bad)
        {
            TryRun(rule, facts.WithCases(id => id == @case.CaseId), context, out _, out var reason);
            failures.Add(new RuleFailure(rule.Id, @case.CaseId, @case.FileReference, @case.CaseManagerStaffId, Reason((reason ?? error)!)));
        }

        if (TryRun(rule, facts.WithCases(id => !badIds.Contains(id)), context, out var rest, out var still))
        {
            return rest;
        }

        failures.Add(new RuleFailure(rule.Id, null, null, null, Reason(still!)));
        return [];
    }

    /// <summary>Halves the cases until each failing one stands alone: a few bad cases cost a few runs, not one per case.</summary>
    private static void FindFailing(IDeadlineRule rule, FactSet facts, RuleContext context, IReadOnlyList<Case> cases, List<Case> bad)
    {
        if (cases.Count == 0)
        {
            return;
        }

        var ids = cases.Select(c => c.CaseId).ToHashSet(StringComparer.Ordinal);
        if (TryRun(rule, facts.WithCases(ids.Contains), context, out _, out _))
        {
            return;
        }

        if (cases.Count == 1)
        {
            bad.Add(cases[0]);
            return;
        }

        var half = cases.Count / 2;
        FindFailing(rule, facts, context, cases.Take(half).ToList(), bad);
        FindFailing(rule, facts, context, cases.Skip(half).ToList(), bad);
    }

    /// <summary>In German for the people who fix the data; the exception's own text is English.</summary>
    public static string Reason(Exception error) => error is ArgumentOutOfRangeException
        ? "ein Datum führt aus dem Kalender hinaus (z. B. Jahr 0001); bitte die Daten prüfen"
        : $"unerwarteter Fehler ({error.GetType().Name}); bitte die Daten prüfen";

    private static bool TryRun(IDeadlineRule rule, FactSet facts, RuleContext context, out IReadOnlyList<Deadline> deadlines, out Exception? error)
    {
        try
        {
            deadlines = rule.Evaluate(facts, context).ToList();
            error = null;
            return true;
        }
        // A rule's failure on bad facts must not stop the deadlines of everyone else; a bug of another kind still surfaces.
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException
            or KeyNotFoundException or NullReferenceException or IndexOutOfRangeException)
        {
            deadlines = [];
            error = ex;
            return false;
        }
    }
}
