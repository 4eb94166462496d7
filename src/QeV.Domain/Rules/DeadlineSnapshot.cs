using QeV.Domain.Facts;

namespace QeV.Domain.Rules;

/// <summary>The facts, the date they were judged by, every deadline that follows, and the parts no rule could judge.</summary>
public sealed record DeadlineSnapshot(FactSet Facts, RuleContext Context, IReadOnlyList<Deadline> Deadlines)
{
    public IReadOnlyList<RuleFailure> Failures { get; init; } = [];

    /// <summary>
    /// Active rules skipped because the database holds none of their data, when the snapshot was read from the deadlines
    /// table (its facts are then only the lookups); null when it was evaluated over all facts.
    /// </summary>
    public IReadOnlyList<string>? SkippedRules { get; init; }

    /// <summary>
    /// The deadlines whose notices are to be planned, when only some can owe anything new (a scan on the same day as the
    /// last planned one plans only what its refresh changed); null: all of <see cref="Deadlines"/>.
    /// </summary>
    public IReadOnlyList<Deadline>? ToPlan { get; init; }
}
