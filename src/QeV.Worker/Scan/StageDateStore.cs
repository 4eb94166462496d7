using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using QeV.Worker.Store;

namespace QeV.Worker.Scan;

/// <summary>
/// The stage dates of the deadlines table (M017): the open deadlines a day has to plan, read through the index on
/// (fulfilled, next_stage) one row at a time; the dates a plan sets for them; the settings and day they were set for;
/// and the counts per rule and status the metrics report, by SQL instead of reading every row.
/// </summary>
internal sealed class StageDateStore(Database database, int pageSize = StageDateStore.PageSize)
{
    /// <summary>Rows read at a time on SQLite by default, each page whole before the caller writes.</summary>
    public const int PageSize = 5_000;

    private static readonly string[] MarkParameters = ["@next", "@row", "@id", "@rule", "@seq", "@scope"];

    /// <summary>
    /// Open deadlines due by <paramref name="until"/> whose stage date has come (all of them when not
    /// <paramref name="byDate"/>), in the report's order (due date, rule, subject, partition, seq), streamed.
    /// </summary>
    /// <remarks>On SQLite no read stays open while the caller writes the plan (<see cref="TempOrder"/>).</remarks>
    public async IAsyncEnumerable<DeadlineRows.StoredDeadline> StreamDueAsync(
        DbConnection connection, DateOnly day, DateOnly until, bool byDate, [EnumeratorCancellation] CancellationToken ct)
    {
        var dialect = database.Dialect;
        // SQLite, without statistics, would rather walk the due-date index for the order than the stage dates' for the
        // few rows due: by date it is told which index to take (PostgreSQL's planner weighs that from its statistics).
        var sqlite = connection is SqliteConnection;
        var filter = " WHERE fulfilled = @open AND due_date <= @until" + (byDate ? " AND next_stage <= @day" : "");
        var parameters = new { open = false, until, day };
        if (!sqlite)
        {
            var sql = "SELECT * FROM deadlines" + filter + " " + DeadlineRows.ReportOrder(dialect);
            await foreach (var row in connection.QueryUnbufferedAsync<DeadlineRows.StoredDeadline>(sql, parameters).WithCancellation(ct))
            {
                yield return row;
            }

            yield break;
        }

        // The filter again on each page: a refresh in between (the dispatcher's still-owed check) may have replaced the rows.
        var fill = "SELECT rowid, NULL FROM deadlines" + (byDate ? " INDEXED BY ix_deadlines_next_stage" : "") + filter + " " + DeadlineRows.ReportOrder(dialect);
        var page = "SELECT d.rowid AS row_id, d.* FROM temp.planned_order o JOIN deadlines d ON d.rowid = o.row_id"
            + " WHERE o.n > @after AND o.n <= @last AND d.fulfilled = @open AND d.due_date <= @until" + (byDate ? " AND d.next_stage <= @day" : "")
            + " ORDER BY o.n";
        await foreach (var row in TempOrder.ReadAsync<DeadlineRows.StoredDeadline>(connection, "planned_order", fill, page, parameters, pageSize, ct))
        {
            yield return row;
        }
    }

    /// <summary>
    /// Sets the planned rows' next stage dates, only while the deadlines are those of the refresh they were read after
    /// (<paramref name="token"/>): a refresh in between may have written them anew, and its rows stay unplanned.
    /// False when the token no longer matches.
    /// </summary>
    public async Task<bool> MarkAsync(IReadOnlyList<(DeadlineRows.StoredDeadline Row, DateOnly Next)> planned, string token, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        await using var cache = await WriteCache.BeginAsync(connection, tx, ct);
        var current = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT refresh_token FROM deadline_scans WHERE scan_id = 1", transaction: tx, cancellationToken: ct));
        if (current != token)
        {
            return false;
        }

        const string Same = "EXISTS (SELECT 1 FROM deadline_scans WHERE scan_id = 1 AND refresh_token = @token)";
        if (connection is NpgsqlConnection)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE deadlines d SET next_stage = u.next::date FROM unnest(@scopes, @ids, @rules, @seqs, @nexts) AS u(scope, partition_id, rule, seq, next) "
                + "WHERE d.scope = u.scope AND d.partition_id = u.partition_id AND d.rule = u.rule AND d.seq = u.seq AND " + Same,
                new
                {
                    token,
                    scopes = planned.Select(p => p.Row.Scope).ToArray(),
                    ids = planned.Select(p => p.Row.PartitionId).ToArray(),
                    rules = planned.Select(p => p.Row.Rule).ToArray(),
                    seqs = planned.Select(p => p.Row.Seq).ToArray(),
                    nexts = planned.Select(p => p.Next.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray(),
                },
                tx, cancellationToken: ct));
        }
        else if (connection is SqliteConnection sqlite)
        {
            // The write lock is held since the token was checked: by rowid, one prepared statement reused for every row.
            using var command = sqlite.CreateCommand();
            command.Transaction = (SqliteTransaction)tx;
            // The key is checked too, in case a VACUUM numbered the rows anew meanwhile.
            command.CommandText = "UPDATE deadlines SET next_stage = @next WHERE rowid = @row AND partition_id = @id AND rule = @rule AND seq = @seq AND scope = @scope";
            var values = MarkParameters.Select(n => command.Parameters.Add(new SqliteParameter(n, null))).ToArray();
            command.Prepare();
            foreach (var (stored, date) in planned)
            {
                ct.ThrowIfCancellationRequested();
                values[0].Value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                values[1].Value = stored.RowId;
                values[2].Value = stored.PartitionId;
                values[3].Value = stored.Rule;
                values[4].Value = stored.Seq;
                values[5].Value = stored.Scope;
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE deadlines SET next_stage = @next WHERE scope = @scope AND partition_id = @id AND rule = @rule AND seq = @seq AND " + Same,
                planned.Select(p => new { next = p.Next, scope = p.Row.Scope, id = p.Row.PartitionId, rule = p.Row.Rule, seq = p.Row.Seq, token }).ToList(),
                tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The notification settings and the day the stage dates were last set for; null before the first plan.</summary>
    public async Task<StagePlanState?> LoadStateAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StagePlanState>(new CommandDefinition(
            "SELECT settings, planned_on FROM deadline_stage_plans WHERE plan_id = 1", cancellationToken: ct));
    }

    public async Task SaveStateAsync(string settings, DateOnly day, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var upsert = database.Dialect.Upsert("deadline_stage_plans",
            [("plan_id", "1"), ("settings", "@settings"), ("planned_on", "@day")], ["plan_id"], ["settings", "planned_on"]);
        await connection.ExecuteAsync(new CommandDefinition(upsert, new { settings, day }, cancellationToken: ct));
    }

    /// <summary>
    /// The open deadlines per rule and status (upcoming, due, overdue) on <paramref name="day"/>, due up to <paramref name="until"/>: kept with the
    /// refresh <paramref name="token"/> that wrote the table (M020), so a scan that changed nothing reads them instead of
    /// counting every deadline again.
    /// </summary>
    public async Task<IReadOnlyList<(string Rule, string Status, long Count)>> CountsAsync(string token, DateOnly day, DateOnly until, CancellationToken ct)
    {
        const string Status = KeptCounts.Status;
        await using var connection = await database.OpenAsync(ct);
        var kept = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT counts FROM deadline_scans WHERE scan_id = 1 AND refresh_token = @token AND counts_day = @day", new { token, day }, cancellationToken: ct));
        if (kept is not null)
        {
            return KeptCounts.Parse(kept);
        }

        var rows = (await connection.QueryAsync<(string Rule, string Status, long Count)>(new CommandDefinition(
            $"SELECT rule, {Status} AS status, COUNT(*) AS n FROM deadlines WHERE {KeptCounts.Counted} GROUP BY rule, {Status}",
            new { open = false, day, until }, cancellationToken: ct))).ToList();
        // Only for the refresh they were counted after: a refresh meanwhile has replaced the row, and this writes nothing.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE deadline_scans SET counts = @counts, counts_day = @day WHERE scan_id = 1 AND refresh_token = @token",
            new { counts = KeptCounts.Serialize(rows), day, token }, cancellationToken: ct));
        return rows;
    }

#pragma warning disable CA1812 // instantiated by Dapper
    public sealed class StagePlanState
    {
        public string Settings { get; set; } = "";
        public DateOnly PlannedOn { get; set; }
    }
#pragma warning restore CA1812
}
