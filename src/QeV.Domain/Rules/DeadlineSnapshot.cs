using QeV.Domain.Facts;

namespace QeV.Domain.Rules;

/// <summary>The facts, the date they were judged by, every deadline that follows, and the parts no rule could judge.</summary>
public sealed record DeadlineSnapshot(FactSet Facts, RuleContext Context, IReadOnlyList<Deadline> Deadlines)
{
    public IReadOnlyList<RuleFailure> Failures { get; init; } = [];
}
