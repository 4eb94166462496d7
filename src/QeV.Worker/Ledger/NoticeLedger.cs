using System.Data.Common;
using Dapper;
using QeV.Domain.Planning;
using QeV.Worker.Store;

namespace QeV.Worker.Ledger;

/// <summary>
/// The outbox: a notice is written once (its key is unique) before it is sent, and marked sent only after the mail
/// server accepted it. Claims use row locks where the engine has them, so parallel workers never send one twice.
/// </summary>
public sealed class NoticeLedger(Database database)
{
    // "state = 'sending'" as an expression no index serves: beside a list of keys, SQLite (without statistics) would
    // otherwise walk ix_notices_dispatch over every claimed row instead of looking the keys up, once per mail.
    private const string IsSending = "(CASE WHEN state = 'sending' THEN 1 ELSE 0 END) = 1";

    /// <summary>Writes the notices not yet in the ledger, many rows per statement (<see cref="OwedNoticeWriter"/>); returns how many were new.</summary>
    public Task<int> AddAsync(IEnumerable<PlannedNotice> notices, DateTimeOffset now, CancellationToken ct) =>
        new OwedNoticeWriter(database).AddAsync(notices, now, ct);

    public async Task<HashSet<string>> KeysAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var keys = await connection.QueryAsync<string>(new CommandDefinition("SELECT notice_key FROM notices", cancellationToken: ct));
        return keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Takes the notices that may go now, for up to <paramref name="addresses"/> recipients at a time, so that everything
    /// owed to one person is in one batch (one bundled mail): pending or failed and due for a retry no later than
    /// <paramref name="notAfter"/> (the start of the run, so one run tries a notice once), planned for today or earlier,
    /// urgent or within office hours; and sending ones whose claim expired (a worker died).
    /// </summary>
    public async Task<IReadOnlyList<NoticeRow>> ClaimAsync(
        string worker, DateTimeOffset now, DateTimeOffset notAfter, DateOnly day, bool officeOpen, TimeSpan lease, int addresses, CancellationToken ct)
    {
        var dialect = database.Dialect;
        const string claimable = """
            ((state IN ('pending', 'failed') AND next_attempt_at <= @notAfter)
                OR (state = 'sending' AND claimed_until < @now))
            AND planned_for <= @day AND (urgent = @yes OR @officeOpen = @yes)
            """;
        var sql = $"""
            SELECT notice_key FROM notices {dialect.ClaimTableHint}
            WHERE {claimable} AND to_address IN (
                SELECT to_address FROM notices WHERE {claimable}
                GROUP BY to_address
                ORDER BY MAX(CASE WHEN urgent = @yes THEN 1 ELSE 0 END) DESC, MIN(created_at), to_address
                {dialect.Limit("@addresses")})
            ORDER BY urgent DESC, created_at, notice_key
            {dialect.SkipLockedClause}
            """;
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(connection, ct);
        // What any worker journaled and has not applied yet (a killed one, say) first: its deliveries must be known
        // before one of its notices can be taken over.
        await LedgerJournal.ApplyAsync(connection, tx, dialect, null, ct);
        var args = new { now = dialect.Instant(now), notAfter = dialect.Instant(notAfter), day, yes = true, officeOpen, addresses };
        var keys = (await connection.QueryAsync<string>(new CommandDefinition(sql, args, tx, cancellationToken: ct))).ToList();
        var rows = new List<NoticeRow>(keys.Count);
        foreach (var part in keys.Chunk(500))
        {
            var chunk = database.Dialect.ListOf(part);
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE notices SET state = 'sending', claimed_by = @worker, claimed_until = @until WHERE {database.Dialect.InList("notice_key", "@chunk")}",
                new { worker, until = dialect.Instant(now + lease), chunk }, tx, cancellationToken: ct));
            rows.AddRange(await connection.QueryAsync<NoticeRow>(new CommandDefinition(
                $"SELECT * FROM notices WHERE {database.Dialect.InList("notice_key", "@chunk")}", new { chunk }, tx, cancellationToken: ct)));
        }

        await tx.CommitAsync(ct);
        return [.. rows.OrderByDescending(r => r.Urgent).ThenBy(r => r.CreatedAt).ThenBy(r => r.NoticeKey, StringComparer.Ordinal)];
    }

    /// <summary>What earlier runs recorded per recipient for these notices.</summary>
    public async Task<ILookup<string, DeliveryRow>> DeliveriesAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = new List<DeliveryRow>();
        foreach (var part in keys.Chunk(500))
        {
            var chunk = database.Dialect.ListOf(part);
            rows.AddRange(await connection.QueryAsync<DeliveryRow>(new CommandDefinition(
                $"SELECT notice_key, address, state, attempts, last_error FROM notice_deliveries WHERE {database.Dialect.InList("notice_key", "@chunk")}",
                new { chunk }, cancellationToken: ct)));
        }

        return rows.ToLookup(r => r.NoticeKey, StringComparer.Ordinal);
    }

    public Task MarkObsoleteAsync(string key, string worker, string reason, CancellationToken ct) =>
        UpdateAsync("""
            UPDATE notices SET state = 'obsolete', last_error = @reason, claimed_by = NULL, claimed_until = NULL
            WHERE notice_key = @key AND claimed_by = @worker
            """, new { key, worker, reason }, ct);

    /// <summary>
    /// One transaction for the mails that just finished and the ones about to go: journals what each finished mail did
    /// per recipient (right after the server answered; one row, <see cref="LedgerJournal"/>, applied to the notices by
    /// <see cref="ApplyJournalAsync"/> and before every claim), and then extends this worker's claims on
    /// <paramref name="renew"/> (and only reads whether it still holds <paramref name="check"/>: claims well within their
    /// lease need no new row version). Returns the keys of both still held: a key whose claim expired and was taken over
    /// by another worker is missing, and must not be sent. This is the only write between the server's 250 and the ledger
    /// knowing it; the caller retries it as a write, never by sending again.
    /// </summary>
    public async Task<HashSet<string>> WriteAsync(
        string worker, DateTimeOffset now, DateTimeOffset renewUntil, IReadOnlyList<DeliveryUpdate> deliveries, IReadOnlyList<NoticeOutcome> notices,
        IReadOnlyList<string> renew, IReadOnlyList<string> check, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(renew);
        ArgumentNullException.ThrowIfNull(check);
        var dialect = database.Dialect;
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(connection, ct);
        if (deliveries.Count > 0 || notices.Count > 0)
            await LedgerJournal.AppendAsync(connection, tx, dialect, worker, now, deliveries, notices, ct);

        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in renew.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var chunk = database.Dialect.ListOf(part);
            var args = new { chunk, worker, until = dialect.Instant(renewUntil) };
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE notices SET claimed_until = @until WHERE {dialect.InList("notice_key", "@chunk")} AND claimed_by = @worker AND {IsSending}",
                args, tx, cancellationToken: ct));
            held.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT notice_key FROM notices WHERE {dialect.InList("notice_key", "@chunk")} AND claimed_by = @worker AND {IsSending}",
                args, tx, cancellationToken: ct)));
        }

        foreach (var part in check.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var chunk = database.Dialect.ListOf(part);
            held.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT notice_key FROM notices WHERE {dialect.InList("notice_key", "@chunk")} AND claimed_by = @worker AND {IsSending}",
                new { chunk, worker }, tx, cancellationToken: ct)));
        }

        await tx.CommitAsync(ct);
        return held;
    }

    /// <summary>
    /// Applies what <paramref name="worker"/> journaled (null: every worker) to the notices and their delivery rows, in
    /// one transaction; returns how many ledger writes that was.
    /// </summary>
    public async Task<int> ApplyJournalAsync(string? worker, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var applied = await LedgerJournal.ApplyAsync(connection, tx, database.Dialect, worker, ct);
        await tx.CommitAsync(ct);
        return applied;
    }

    /// <summary>Gives claimed notices back untouched (the run stopped before their turn): pending again, or failed if tried before.</summary>
    public async Task ReleaseAsync(IReadOnlyList<string> keys, string worker, CancellationToken ct)
    {
        if (keys.Count == 0)
            return;
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        foreach (var part in keys.Chunk(500))
        {
            var chunk = database.Dialect.ListOf(part);
            await connection.ExecuteAsync(new CommandDefinition($"""
                UPDATE notices SET state = CASE WHEN attempts = 0 THEN 'pending' ELSE 'failed' END, claimed_by = NULL, claimed_until = NULL
                WHERE {database.Dialect.InList("notice_key", "@chunk")} AND claimed_by = @worker AND {IsSending}
                """, new { chunk, worker }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// `requeue`: puts notices of <paramref name="state"/> back as owed (attempts from zero, refusals of recipients who
    /// did not get it forgotten, those who did keep theirs) and writes a ledger event for each. Returns how many.
    /// </summary>
    public async Task<int> RequeueAsync(string state, string? rule, DateOnly? since, DateTimeOffset now, CancellationToken ct)
    {
        var dialect = database.Dialect;
        var sql = "SELECT notice_key FROM notices WHERE state = @state"
            + (rule is null ? "" : " AND rule = @rule")
            + (since is null ? "" : " AND planned_for >= @since");
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(connection, ct);
        await LedgerJournal.ApplyAsync(connection, tx, dialect, null, ct);
        var keys = (await connection.QueryAsync<string>(new CommandDefinition(sql, new { state, rule, since }, tx, cancellationToken: ct))).ToList();
        var at = dialect.Instant(now);
        foreach (var part in keys.Chunk(500))
        {
            var chunk = database.Dialect.ListOf(part);
            await connection.ExecuteAsync(new CommandDefinition($"""
                UPDATE notices SET state = 'pending', attempts = 0, next_attempt_at = @at, last_error = NULL, claimed_by = NULL, claimed_until = NULL
                WHERE {database.Dialect.InList("notice_key", "@chunk")}
                """, new { chunk, at }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM notice_deliveries WHERE {database.Dialect.InList("notice_key", "@chunk")} AND state <> 'sent'", new { chunk }, tx, cancellationToken: ct));
        }

        foreach (var key in keys)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO notice_events (event_id, notice_key, at, event, detail) VALUES (@id, @key, @at, 'requeued', @detail)",
                new { id = Guid.NewGuid().ToString("N"), key, at, detail = $"{state} -> pending" }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        return keys.Count;
    }

    public async Task<IReadOnlyList<NoticeRow>> HistoryAsync(string? caseId, string? staffId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        // Only the filters asked for, so a case's history is read through ix_notices_case (an "@x IS NULL OR …" is
        // read as a walk over the table). A staff member's history walks the ledger: recipient, addressee or subject.
        var filters = new List<string>();
        if (caseId is not null)
        {
            filters.Add("case_id = @caseId");
        }

        if (staffId is not null)
        {
            filters.Add("(recipient_staff_id = @staffId OR to_staff_id = @staffId OR subject_id = @staffId)");
        }

        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        var rows = await connection.QueryAsync<NoticeRow>(new CommandDefinition($"""
            SELECT * FROM notices
            {where}
            ORDER BY created_at DESC, notice_key
            {database.Dialect.Limit("@limit")}
            """, new { caseId, staffId, limit }, cancellationToken: ct));
        return rows.ToList();
    }


    private async Task UpdateAsync(string sql, object args, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using DbTransaction tx = await database.Dialect.BeginWriteAsync(connection, ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }
}
