using QeV.Domain.Rules;

namespace QeV.Domain.Partitions;

/// <summary>A deadline with the partition it came from and its place among that partition's deadlines of the rule.</summary>
public sealed record PartitionDeadline(RuleScope Scope, string PartitionId, int Seq, Deadline Deadline)
{
    /// <summary>
    /// The partition a deadline of this scope belongs to: its case (a case rule's deadline about a person still
    /// belongs to the case), its staff member, or the one organisation-wide partition "".
    /// </summary>
    public static string PartitionOf(RuleScope scope, string? caseId, string subjectId) => scope switch
    {
        RuleScope.Case => caseId ?? subjectId,
        RuleScope.Staff => subjectId,
        _ => "",
    };
}
