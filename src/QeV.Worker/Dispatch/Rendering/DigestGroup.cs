using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>The digest lines of one rule, oldest due date first.</summary>
public sealed record DigestGroup(string Rule, string RuleName, IReadOnlyList<DigestLine> Lines)
{
    /// <summary>Groups by rule id (ordinal order); within a group the oldest due date comes first.</summary>
    public static IReadOnlyList<DigestGroup> ByRule(IEnumerable<DigestLine> lines) =>
        [.. ByDue(lines)
            .GroupBy(l => l.Rule, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DigestGroup(g.Key, g.First().RuleName, [.. g]))];

    /// <summary>Oldest due date first, then rule and subject, so the order never depends on the input's.</summary>
    public static IReadOnlyList<DigestLine> ByDue(IEnumerable<DigestLine> lines) =>
        [.. lines
            .OrderBy(l => l.DueDate)
            .ThenBy(l => l.Rule, StringComparer.Ordinal)
            .ThenBy(l => l.SubjectId, StringComparer.Ordinal)];
}
