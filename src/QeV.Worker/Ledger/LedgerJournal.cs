using System.Data.Common;
using System.Text.Json;
using Dapper;
using QeV.Worker.Store;

namespace QeV.Worker.Ledger;

/// <summary>
/// What the mails of a run did, one small row per ledger write (migration M021), applied to <c>notices</c> and
/// <c>notice_deliveries</c> many at a time. The row is what commits right after the server's answer, so the crash window
/// stays one mail per connection; applying it later rewrites each notice once per batch instead of once per mail. Every
/// claim applies what is left (of any worker) first, in its own transaction, so a notice whose delivery is known only
/// here is never taken over and sent again.
/// </summary>
internal static class LedgerJournal
{
    private sealed record Entry(IReadOnlyList<DeliveryUpdate> Deliveries, IReadOnlyList<NoticeOutcome> Outcomes);

#pragma warning disable CA1812 // instantiated by Dapper
    private sealed class Row
    {
        public string EntryId { get; set; } = "";
        public string Worker { get; set; } = "";
        public DateTimeOffset At { get; set; }
        public string Entry { get; set; } = "";
    }
#pragma warning restore CA1812

    public static Task AppendAsync(
        DbConnection connection, DbTransaction tx, ISqlDialect dialect, string worker, DateTimeOffset at,
        IReadOnlyList<DeliveryUpdate> deliveries, IReadOnlyList<NoticeOutcome> outcomes, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ledger_journal (entry_id, worker, at, entry) VALUES (@id, @worker, @at, @entry)",
            new { id = Guid.NewGuid().ToString("N"), worker, at = dialect.Instant(at), entry = JsonSerializer.Serialize(new Entry(deliveries, outcomes)) },
            tx, cancellationToken: ct));

    /// <summary>
    /// Applies and removes the rows of <paramref name="worker"/> (null: of every worker) within <paramref name="tx"/>;
    /// returns how many. Rows another transaction is applying at this moment are skipped (it holds their row locks).
    /// </summary>
    public static async Task<int> ApplyAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, string? worker, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT entry_id, worker, at, entry FROM ledger_journal {dialect.ClaimTableHint}"
            + (worker is null ? "" : " WHERE worker = @worker")
            + $" ORDER BY at, entry_id {dialect.SkipLockedClause}",
            new { worker }, tx, cancellationToken: ct))).ToList();
        var entries = rows.Select(row => (row.Worker, row.At, Entry: JsonSerializer.Deserialize<Entry>(row.Entry)
            ?? throw new JsonException($"Eintrag {row.EntryId} im Versandjournal ist leer"))).ToList();
        if (!await JournalRows.TryRecordAllAsync(connection, tx, dialect, [.. entries.Select(e => (e.Worker, e.At, e.Entry.Deliveries, e.Entry.Outcomes))], ct))
        {
            foreach (var (rowWorker, at, entry) in entries)
                await RecordAsync(connection, tx, dialect, rowWorker, at, entry.Deliveries, entry.Outcomes, ct);
        }

        foreach (var part in rows.Select(r => r.EntryId).Chunk(500))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM ledger_journal WHERE {dialect.InList("entry_id", "@ids")}", new { ids = dialect.ListOf(part) }, tx, cancellationToken: ct));
        }

        return rows.Count;
    }

    /// <summary>
    /// Records per recipient what the mails did, and the new state of the notices whose deliveries of their run are
    /// complete (only while <paramref name="worker"/> still holds them). Every statement covers a list of keys (one per
    /// recipient, state and attempt count), never one row at a time.
    /// </summary>
    private static async Task RecordAsync(
        DbConnection connection, DbTransaction tx, ISqlDialect dialect, string worker, DateTimeOffset now,
        IReadOnlyList<DeliveryUpdate> deliveries, IReadOnlyList<NoticeOutcome> notices, CancellationToken ct)
    {
        var at = dialect.Instant(now);
        foreach (var same in deliveries.GroupBy(d => (d.Address, d.State, d.Attempts, d.Error)))
        {
            var (address, state, attempts, error) = same.Key;
            var sentAt = state == NoticeState.Sent ? "@at" : "NULL";
            var errorValue = error is null ? "NULL" : "@error";
            foreach (var part in same.Select(d => d.NoticeKey).Distinct(StringComparer.Ordinal).Chunk(500))
            {
                var args = new { address, state, attempts, error, at, chunk = dialect.ListOf(part) };
                // A first attempt has no row yet (each address gets one record per notice and run, and a run reads the
                // earlier ones after its claim applied every journal): only later attempts update one.
                if (attempts > 1)
                {
                    await connection.ExecuteAsync(new CommandDefinition($"""
                        UPDATE notice_deliveries SET state = @state, attempts = @attempts, last_error = {errorValue}, updated_at = @at, sent_at = {sentAt}
                        WHERE address = @address AND {dialect.InList("notice_key", "@chunk")}
                        """, args, tx, cancellationToken: ct));
                }

                await connection.ExecuteAsync(new CommandDefinition($"""
                    INSERT INTO notice_deliveries (notice_key, address, state, attempts, last_error, updated_at, sent_at)
                    SELECT n.notice_key, @address, @state, @attempts, {errorValue}, @at, {sentAt} FROM notices n
                    WHERE {dialect.InList("n.notice_key", "@chunk")}
                      AND NOT EXISTS (SELECT 1 FROM notice_deliveries d WHERE d.notice_key = n.notice_key AND d.address = @address)
                    """, args, tx, cancellationToken: ct));
            }
        }

        foreach (var same in notices.GroupBy(n => (n.State, n.NextAttemptAt, n.Error, n.SentNow)))
        {
            foreach (var part in same.Select(n => n.NoticeKey).Chunk(500))
            {
                await connection.ExecuteAsync(new CommandDefinition($"""
                    UPDATE notices SET state = @state, attempts = attempts + 1, next_attempt_at = @next, last_error = @error,
                        {(same.Key.SentNow ? "sent_at = @at," : "")} claimed_by = NULL, claimed_until = NULL
                    WHERE {dialect.InList("notice_key", "@chunk")} AND claimed_by = @worker
                    """, new { state = same.Key.State, next = dialect.Instant(same.Key.NextAttemptAt), error = same.Key.Error, at, chunk = dialect.ListOf(part), worker },
                    tx, cancellationToken: ct));
            }
        }
    }
}
