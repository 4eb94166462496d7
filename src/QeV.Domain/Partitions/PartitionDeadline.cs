using QeV.Domain.Rules;

namespace QeV.Domain.Partitions;

/// <summary>A deadline with the partition it came from and its place among that partition's deadlines of the rule.</summary>
public sealed record PartitionDeadline(RuleScope Scope, string PartitionId, int Seq, Deadline Deadline);
