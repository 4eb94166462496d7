using QeV.Domain.Facts;

namespace QeV.Domain.Rules;

/// <summary>The facts, the date they were judged by, and every deadline that follows.</summary>
public sealed record DeadlineSnapshot(FactSet Facts, RuleContext Context, IReadOnlyList<Deadline> Deadlines);
