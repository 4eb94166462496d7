using QeV.Domain.Facts;

namespace QeV.Domain.Rules;

/// <summary>The facts, the date they were judged by, and every deadline that follows.</summary>
public sealed record DeadlineSnapshot(FactSet Facts, RuleContext Context, IReadOnlyList<Deadline> Deadlines)
{
    /// <summary>
    /// Active rules skipped because the database holds none of their data, when the snapshot was read from the deadlines
    /// table (its facts are then only the lookups); null when it was evaluated over all facts.
    /// </summary>
    public IReadOnlyList<string>? SkippedRules { get; init; }
}
