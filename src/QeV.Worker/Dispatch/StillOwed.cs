using QeV.Domain.Partitions;
using QeV.Domain.Planning;
using QeV.Domain.Rules;
using QeV.Worker.Deadlines;

namespace QeV.Worker.Dispatch;

/// <summary>
/// Between planning and sending the facts may change (a report arrives over the weekend). Right before a notice goes
/// out, its deadline must still be open, and a digest must still be today's. The deadlines table is refreshed once per
/// dispatch run, and only when there is something to send; each claimed batch then reads the open deadlines of its
/// own partitions only, so the check holds no more than one batch's deadlines, however large the database. A refresh
/// of the same day handed in (the scan `run --once` made a moment before) is used instead of a second one.
/// </summary>
public sealed class StillOwed(DeadlineService deadlines, DateOnly day, TableScan? refreshed = null)
{
    private TableScan? _scan = refreshed?.Scan.AsOf == day ? refreshed : null;
    private HashSet<string>? _allOpen;
    private HashSet<string> _open = new(StringComparer.Ordinal);

    /// <summary>Reads which deadlines of this batch are still open (refreshing the table on the run's first batch).</summary>
    public async Task LoadAsync(IReadOnlyCollection<NoticeContent> batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var partitions = batch.Where(c => c.Kind is not (NoticeKind.Digest or NoticeKind.AdminReport) && c.DeadlineKey is not null)
            .Select(PartitionOf).OfType<(RuleScope, string)>().ToList();
        if (partitions.Count == 0)
        {
            return;
        }

        if (!deadlines.CanUseTable)
        {
            // A rule that cannot be judged by partition: the whole database at once, as the scan does.
            _allOpen ??= (await deadlines.EvaluateAsync(day, ct)).Deadlines.Where(d => d.IsOpen).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
            return;
        }

        _scan ??= await deadlines.RefreshAsync(day, ct);
        _open = await deadlines.OpenKeysAsync(_scan, partitions, ct);
    }

    /// <summary>Why this notice of the batch last loaded must not go out, or null when it is still owed.</summary>
    public string? ReasonNotToSend(NoticeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Kind is NoticeKind.Digest or NoticeKind.AdminReport)
        {
            return content.Day < day ? $"Tagesübersicht vom {content.Day:dd.MM.yyyy} ist überholt" : null;
        }

        if (content.DeadlineKey is null)
        {
            return null;
        }

        var open = _allOpen ?? _open;
        return open.Contains(content.DeadlineKey) ? null : "Frist inzwischen erfüllt oder entfallen";
    }

    /// <summary>The partition the notice's deadline is stored in; null for a rule the catalogue does not scope (then not open).</summary>
    private static (RuleScope, string)? PartitionOf(NoticeContent content) =>
        content.Rule is { } rule && RuleScopes.ScopeOf(rule) is { } scope
            ? (scope, PartitionDeadline.PartitionOf(scope, content.CaseId, content.SubjectId ?? ""))
            : null;
}
