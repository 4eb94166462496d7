using QeV.Domain.Planning;

namespace QeV.Worker.Dispatch.Rendering;

/// <summary>
/// The digest lines of one rule: overdue ones first (oldest due date first), then those due soon (soonest first), with
/// the group's count and how many of them are overdue.
/// </summary>
public sealed record DigestGroup(string Rule, string RuleName, IReadOnlyList<DigestLine> Lines)
{
    public int Total => Lines.Count;

    public int OverdueCount => Lines.Count(l => l.IsOverdue);

    /// <summary>Groups by rule id (ordinal order); within a group the oldest due date comes first.</summary>
    public static IReadOnlyList<DigestGroup> ByRule(IEnumerable<DigestLine> lines) =>
        [.. ByDue(lines)
            .GroupBy(l => l.Rule, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DigestGroup(g.Key, g.First().RuleName, [.. g]))];

    /// <summary>
    /// The digest's table: one group per rule (ordinal order), each with its overdue lines first, then the lines due soon;
    /// a deadline in both lists (overdue and in a warning stage cannot be both, but a caller may pass it twice) appears once.
    /// </summary>
    public static IReadOnlyList<DigestGroup> Table(IEnumerable<DigestLine> overdue, IEnumerable<DigestLine> dueSoon)
    {
        var late = ByDue(overdue);
        var soon = ByDue(dueSoon).Where(l => !late.Contains(l));
        return [.. late.Concat(soon)
            .GroupBy(l => l.Rule, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DigestGroup(g.Key, g.First().RuleName, [.. g.Where(l => l.IsOverdue), .. g.Where(l => !l.IsOverdue)]))];
    }

    /// <summary>Oldest due date first, then rule and subject, so the order never depends on the input's.</summary>
    public static IReadOnlyList<DigestLine> ByDue(IEnumerable<DigestLine> lines) =>
        [.. lines
            .OrderBy(l => l.DueDate)
            .ThenBy(l => l.Rule, StringComparer.Ordinal)
            .ThenBy(l => l.SubjectId, StringComparer.Ordinal)];
}
