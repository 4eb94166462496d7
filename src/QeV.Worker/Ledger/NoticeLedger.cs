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
    private static readonly (string, string)[] InsertValues =
    [
        ("notice_key", "@key"), ("kind", "@kind"), ("rule", "@rule"), ("subject_id", "@subjectId"), ("case_id", "@caseId"),
        ("due_date", "@dueDate"), ("stage", "@stage"), ("recipient_staff_id", "@recipient"), ("to_staff_id", "@toStaff"),
        ("to_address", "@toAddress"), ("planned_for", "@plannedFor"), ("urgent", "@urgent"), ("content", "@content"),
        ("state", "'pending'"), ("attempts", "0"), ("next_attempt_at", "@now"), ("created_at", "@now"),
    ];

    /// <summary>Writes the notices not yet in the ledger; returns how many were new.</summary>
    public async Task<int> AddAsync(IEnumerable<PlannedNotice> notices, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var added = 0;
        var insert = database.Dialect.InsertIfAbsent("notices", InsertValues, ["notice_key"]);
        foreach (var n in notices)
        {
            var c = n.Content;
            added += await connection.ExecuteAsync(new CommandDefinition(insert, new
            {
                key = c.Key, kind = c.Kind.ToString().ToLowerInvariant(), rule = c.Rule, subjectId = c.SubjectId, caseId = c.CaseId,
                dueDate = c.DueDate, stage = c.Stage, recipient = n.IntendedStaffId, toStaff = c.To.StaffId, toAddress = c.To.Email,
                plannedFor = n.PlannedFor, urgent = c.Urgent, content = NoticeJson.Serialize(c), now = database.Dialect.Instant(now),
            }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        return added;
    }


    public async Task<HashSet<string>> KeysAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var keys = await connection.QueryAsync<string>(new CommandDefinition("SELECT notice_key FROM notices", cancellationToken: ct));
        return keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Takes up to <paramref name="batch"/> notices that may go now: pending or failed and due for a retry, planned
    /// for today or earlier, urgent or within office hours; and sending ones whose claim expired (a worker died).
    /// </summary>
    public async Task<IReadOnlyList<NoticeRow>> ClaimAsync(
        string worker, DateTimeOffset now, DateOnly day, bool officeOpen, TimeSpan lease, int batch, CancellationToken ct)
    {
        var dialect = database.Dialect;
        var sql = $"""
            SELECT notice_key FROM notices
            WHERE ((state IN ('pending', 'failed') AND next_attempt_at <= @now AND planned_for <= @day AND (urgent = @yes OR @officeOpen = @yes))
                OR (state = 'sending' AND claimed_until < @now AND planned_for <= @day AND (urgent = @yes OR @officeOpen = @yes)))
            ORDER BY urgent DESC, created_at, notice_key
            {dialect.Limit("@batch")}
            {dialect.SkipLockedClause}
            """;
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(connection, ct);
        var args = new { now = dialect.Instant(now), day, yes = true, officeOpen, batch };
        var keys = (await connection.QueryAsync<string>(new CommandDefinition(sql, args, tx, cancellationToken: ct))).ToList();
        var rows = new List<NoticeRow>();
        foreach (var key in keys)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE notices SET state = 'sending', claimed_by = @worker, claimed_until = @until WHERE notice_key = @key",
                new { worker, until = dialect.Instant(now + lease), key }, tx, cancellationToken: ct));
            rows.Add(await connection.QuerySingleAsync<NoticeRow>(new CommandDefinition(
                "SELECT * FROM notices WHERE notice_key = @key", new { key }, tx, cancellationToken: ct)));
        }

        await tx.CommitAsync(ct);
        return rows;
    }

    /// <summary>
    /// Extends this worker's claim just before sending; false when the claim expired and another worker took the notice
    /// over, in which case this worker must not send it.
    /// </summary>
    public async Task<bool> RenewClaimAsync(string key, string worker, DateTimeOffset until, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        var renewed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notices SET claimed_until = @until WHERE notice_key = @key AND claimed_by = @worker AND state = 'sending'",
            new { key, worker, until = database.Dialect.Instant(until) }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return renewed == 1;
    }

    public Task MarkObsoleteAsync(string key, string worker, string reason, CancellationToken ct) =>
        UpdateAsync("""
            UPDATE notices SET state = 'obsolete', last_error = @reason, claimed_by = NULL, claimed_until = NULL
            WHERE notice_key = @key AND claimed_by = @worker
            """, new { key, worker, reason }, ct);

    public Task MarkSentAsync(string key, string worker, DateTimeOffset now, CancellationToken ct) =>
        UpdateAsync("""
            UPDATE notices SET state = 'sent', sent_at = @now, attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL,
                last_error = NULL
            WHERE notice_key = @key AND claimed_by = @worker
            """, new { key, worker, now = database.Dialect.Instant(now) }, ct);

    public Task MarkFailedAsync(string key, string worker, string state, DateTimeOffset nextAttempt, string error, CancellationToken ct) =>
        UpdateAsync("""
            UPDATE notices SET state = @state, attempts = attempts + 1, next_attempt_at = @next, last_error = @error,
                claimed_by = NULL, claimed_until = NULL
            WHERE notice_key = @key AND claimed_by = @worker
            """, new { key, worker, state, next = database.Dialect.Instant(nextAttempt), error }, ct);

    public async Task<IReadOnlyList<NoticeRow>> HistoryAsync(string? caseId, string? staffId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<NoticeRow>(new CommandDefinition($"""
            SELECT * FROM notices
            WHERE (@caseId IS NULL OR case_id = @caseId)
              AND (@staffId IS NULL OR recipient_staff_id = @staffId OR to_staff_id = @staffId OR subject_id = @staffId)
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
