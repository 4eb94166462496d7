using System.Data.Common;
using System.Text.Json;
using Dapper;
using QeV.Worker.Store;

namespace QeV.Worker.Ledger;

/// <summary>
/// The journal rows of one apply written set-based: every delivery row in one upsert and every notice in one update,
/// each from a JSON array (<see cref="ISqlDialect.JsonRows"/>), instead of two statements per mail. Used when every
/// notice and (notice, address) occurs once among the rows, the normal case (each mail's row of one batch); otherwise,
/// and where the dialect reads no JSON rows, the rows are applied one after another in their order.
/// </summary>
internal static class JournalRows
{
    private static readonly JsonColumn[] DeliveryColumns =
    [
        new("k", JsonColumnKind.Text), new("a", JsonColumnKind.Text), new("s", JsonColumnKind.Text), new("n", JsonColumnKind.Number),
        new("e", JsonColumnKind.Text), new("t", JsonColumnKind.Instant), new("p", JsonColumnKind.Instant),
    ];

    private static readonly JsonColumn[] NoticeColumns =
    [
        new("k", JsonColumnKind.Text), new("s", JsonColumnKind.Text), new("x", JsonColumnKind.Instant), new("e", JsonColumnKind.Text),
        new("t", JsonColumnKind.Instant), new("w", JsonColumnKind.Boolean), new("c", JsonColumnKind.Text),
    ];

    /// <summary>Records all <paramref name="entries"/> in two statements; false (nothing written) when they must go one by one.</summary>
    public static async Task<bool> TryRecordAllAsync(
        DbConnection connection, DbTransaction tx, ISqlDialect dialect,
        IReadOnlyList<(string Worker, DateTimeOffset At, IReadOnlyList<DeliveryUpdate> Deliveries, IReadOnlyList<NoticeOutcome> Outcomes)> entries,
        CancellationToken ct)
    {
        if (entries.Count == 0)
            return true;
        var deliveries = dialect.JsonRows("@rows", "j", DeliveryColumns);
        var notices = dialect.JsonRows("@rows", "j", NoticeColumns);
        if (deliveries is null || notices is null)
            return false;
        var pairs = entries.SelectMany(e => e.Deliveries).Select(d => (d.NoticeKey, d.Address)).ToList();
        var keys = entries.SelectMany(e => e.Outcomes).Select(o => o.NoticeKey).ToList();
        if (pairs.Distinct().Count() != pairs.Count || keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
            return false;

        var deliveryRows = entries.SelectMany(e => e.Deliveries.Select(d => new Dictionary<string, object?>
        {
            ["k"] = d.NoticeKey, ["a"] = d.Address, ["s"] = d.State, ["n"] = d.Attempts, ["e"] = d.Error,
            ["t"] = dialect.Instant(e.At), ["p"] = d.State == NoticeState.Sent ? dialect.Instant(e.At) : null,
        })).ToList();
        if (deliveryRows.Count > 0)
        {
            // A first attempt has no row yet; a later one updates the row of the earlier attempts (as the row-by-row apply).
            await connection.ExecuteAsync(new CommandDefinition($"""
                INSERT INTO notice_deliveries (notice_key, address, state, attempts, last_error, updated_at, sent_at)
                SELECT j.k, j.a, j.s, j.n, j.e, j.t, j.p FROM {deliveries}
                WHERE EXISTS (SELECT 1 FROM notices n WHERE n.notice_key = j.k)
                ON CONFLICT (notice_key, address) DO UPDATE SET state = excluded.state, attempts = excluded.attempts,
                    last_error = excluded.last_error, updated_at = excluded.updated_at, sent_at = excluded.sent_at
                WHERE excluded.attempts > 1
                """, new { rows = JsonSerializer.Serialize(deliveryRows) }, tx, cancellationToken: ct));
        }

        var noticeRows = entries.SelectMany(e => e.Outcomes.Select(o => new Dictionary<string, object?>
        {
            ["k"] = o.NoticeKey, ["s"] = o.State, ["x"] = dialect.Instant(o.NextAttemptAt), ["e"] = o.Error,
            ["t"] = dialect.Instant(e.At), ["w"] = o.SentNow, ["c"] = e.Worker,
        })).ToList();
        if (noticeRows.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition($"""
                UPDATE notices SET state = j.s, attempts = notices.attempts + 1, next_attempt_at = j.x, last_error = j.e,
                    sent_at = CASE WHEN j.w THEN j.t ELSE notices.sent_at END, claimed_by = NULL, claimed_until = NULL
                FROM {notices}
                WHERE notices.notice_key = j.k AND notices.claimed_by = j.c
                """, new { rows = JsonSerializer.Serialize(noticeRows) }, tx, cancellationToken: ct));
        }

        return true;
    }
}
