using QeV.Domain.Planning;
using QeV.Domain.Rules;
using QeV.Worker.Deadlines;

namespace QeV.Worker.Dispatch;

/// <summary>
/// Between planning and sending the facts may change (a report arrives over the weekend). Right before a notice goes
/// out, its deadline must still be open, and a digest must still be today's. The facts are read once per dispatch run,
/// and only when there is something to send.
/// </summary>
public sealed class StillOwed(DeadlineService deadlines, DateOnly day)
{
    private HashSet<string>? _open;

    public async Task<string?> ReasonNotToSendAsync(NoticeContent content, CancellationToken ct)
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

        _open ??= (await deadlines.FromTableAsync(day, null, includeFulfilled: false, ct)).Snapshot.Deadlines
            .Where(d => d.IsOpen).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        return _open.Contains(content.DeadlineKey) ? null : "Frist inzwischen erfüllt oder entfallen";
    }
}
