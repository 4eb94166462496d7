using System.Data.Common;
using Dapper;
using Npgsql;
using QeV.Domain.Partitions;
using QeV.Worker.Store.Bulk;

namespace QeV.Worker.Scan;

/// <summary>
/// Replaces the stored deadlines of re-evaluated partitions inside the scan's write transaction: deletes by partition
/// (one statement with an array on PostgreSQL, one prepared statement per partition on SQLite), inserts in bulk.
/// </summary>
internal sealed class DeadlineTableWriter(DbConnection connection, DbTransaction tx)
{
    private readonly BulkInserter _bulk = BulkInserter.Create(connection, tx);
    private readonly bool _arrays = connection is NpgsqlConnection;

    // Day-dependent rows kept aside on a new day with their stage dates (M017), while this refresh writes them anew.
    private readonly bool _keepsStages = connection is NpgsqlConnection or Microsoft.Data.Sqlite.SqliteConnection;
    private bool _kept;

    // The open deadlines per rule and status carried along with this writer's deletes and inserts; null: not kept.
    private KeptCounts? _counts;

    // Partitions counted per statement before their deletion on SQLite (Dapper expands the list into parameters).
    private const int CountChunk = 500;

    /// <summary>
    /// Keeps the counts for <paramref name="day"/> up with this refresh: from zero after <see cref="ClearAsync"/>
    /// (<paramref name="cleared"/>), otherwise from the counts the last refresh kept for that day, if any.
    /// </summary>
    public async Task KeepCountsAsync(DateOnly day, bool cleared, CancellationToken ct) =>
        _counts = cleared ? KeptCounts.Empty(day) : await KeptCounts.LoadAsync(connection, tx, day, ct);

    public async Task ClearAsync(CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM deadlines; DELETE FROM deadline_partitions", transaction: tx, cancellationToken: ct));

    public async Task ClearScopeAsync(RuleScope scope, CancellationToken ct)
    {
        var args = new { scope = DeadlineRows.Code(scope) };
        if (_counts is not null)
        {
            await _counts.SubtractAsync(connection, tx, "scope = @scope", args, ct);
        }

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM deadlines WHERE scope = @scope", args, tx, cancellationToken: ct));
    }

    /// <summary>Removes the partitions' deadlines and fingerprints (re-evaluated or gone).</summary>
    public async Task DeletePartitionsAsync(RuleScope scope, IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var code = DeadlineRows.Code(scope);
        if (_arrays)
        {
            var args = new { scope = code, ids = ids.ToArray() };
            if (_counts is not null)
            {
                await _counts.SubtractAsync(connection, tx, "scope = @scope AND partition_id = ANY(@ids)", args, ct);
            }

            if (_kept)
            {
                await connection.ExecuteAsync(new CommandDefinition(StageDateKeeper.ForgetAll, args, tx, cancellationToken: ct));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM deadlines WHERE scope = @scope AND partition_id = ANY(@ids); "
                + "DELETE FROM deadline_partitions WHERE scope = @scope AND partition_id = ANY(@ids)", args, tx, cancellationToken: ct));
            return;
        }

        if (_counts is not null)
        {
            foreach (var chunk in ids.Chunk(CountChunk))
            {
                await _counts.SubtractAsync(connection, tx, "scope = @scope AND partition_id IN @ids", new { scope = code, ids = chunk }, ct);
            }
        }

        var rows = ids.Select(id => new { scope = code, id }).ToList();
        if (_kept)
        {
            await connection.ExecuteAsync(new CommandDefinition(StageDateKeeper.Forget, rows, tx, cancellationToken: ct));
        }

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM deadlines WHERE scope = @scope AND partition_id = @id", rows, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM deadline_partitions WHERE scope = @scope AND partition_id = @id", rows, tx, cancellationToken: ct));
    }

    /// <summary>Removes the given rules' deadlines of every partition of the scope (day-dependent rules on a new day).</summary>
    public async Task DeleteRulesAsync(RuleScope scope, IReadOnlyList<string> rules, CancellationToken ct)
    {
        if (rules.Count > 0)
        {
            if (_keepsStages)
            {
                await StageDateKeeper.KeepAsync(connection, tx, DeadlineRows.Code(scope), rules, ct);
                _kept = true;
            }

            // An array on PostgreSQL; Dapper expands "IN @rules" into one parameter per rule on SQLite.
            var where = _arrays ? "scope = @scope AND rule = ANY(@rules)" : "scope = @scope AND rule IN @rules";
            var args = new { scope = DeadlineRows.Code(scope), rules = rules.ToArray() };
            if (_counts is not null)
            {
                await _counts.SubtractAsync(connection, tx, where, args, ct);
            }

            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM deadlines WHERE " + where, args, tx, cancellationToken: ct));
        }
    }

    /// <summary>
    /// At the end of a refresh: a day-dependent deadline written anew exactly as it was (every column, in a partition
    /// whose facts did not change) keeps its stage date, so a new day does not plan it again.
    /// </summary>
    public async Task RestoreStageDatesAsync(CancellationToken ct)
    {
        if (_kept)
        {
            await StageDateKeeper.RestoreAsync(connection, tx, ct);
            _kept = false;
        }
    }

    public Task InsertDeadlinesAsync(IReadOnlyList<PartitionDeadline> deadlines, CancellationToken ct)
    {
        _counts?.Add(deadlines);
        return _bulk.InsertAsync(DeadlineRows.Deadlines, deadlines.Select(DeadlineRows.ToRow).ToList(), ct);
    }

    public Task InsertFingerprintsAsync(RuleScope scope, IReadOnlyList<(string Id, string Fingerprint)> partitions, CancellationToken ct) =>
        _bulk.InsertAsync(DeadlineRows.Partitions, partitions.Select(p => new object?[] { DeadlineRows.Code(scope), p.Id, p.Fingerprint }).ToList(), ct);

    /// <summary>Gives the partitions a fingerprint no facts have, so the next scan judges them again in full.</summary>
    public async Task MarkFailedAsync(RuleScope scope, IReadOnlyList<string> ids, string fingerprint, CancellationToken ct)
    {
        if (ids.Count > 0)
        {
            var rows = ids.Select(id => new { scope = DeadlineRows.Code(scope), id, fingerprint }).ToList();
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE deadline_partitions SET fingerprint = @fingerprint WHERE scope = @scope AND partition_id = @id", rows, tx, cancellationToken: ct));
        }
    }

    /// <summary>
    /// The refresh's state; <paramref name="plannedAsOf"/> and <paramref name="plannedSettings"/> carry the planning mark
    /// over when the refresh changed nothing that would need planning (null clears it). The counts kept up with this
    /// writer (<see cref="KeepCountsAsync"/>) go with it; without them the plan counts the table.
    /// </summary>
    public async Task SaveStateAsync(
        string settings, string lookups, DateOnly asOf, IEnumerable<string> presentRules, object scannedAt, string token,
        DateOnly? plannedAsOf, string? plannedSettings, string? factsVersion, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM deadline_scans", transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO deadline_scans (scan_id, settings_fingerprint, lookups_fingerprint, as_of, present_rules, scanned_at, refresh_token, planned_as_of, planned_settings, facts_version, counts, counts_day) "
            + "VALUES (1, @settings, @lookups, @asOf, @present, @scannedAt, @token, @plannedAsOf, @plannedSettings, @factsVersion, @counts, @countsDay)",
            new
            {
                settings, lookups, asOf, present = string.Join(",", presentRules.Order(StringComparer.Ordinal)), scannedAt, token, plannedAsOf, plannedSettings, factsVersion,
                counts = _counts is null ? null : KeptCounts.Serialize(_counts.Current), countsDay = _counts?.Day,
            },
            tx, cancellationToken: ct));
    }

    public const string StateSql =
        "SELECT settings_fingerprint, lookups_fingerprint, as_of, present_rules, planned_as_of, planned_settings, refresh_token, facts_version FROM deadline_scans WHERE scan_id = 1";

    public async Task<DeadlineRows.ScanState?> LoadStateAsync(CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<DeadlineRows.ScanState>(new CommandDefinition(StateSql, transaction: tx, cancellationToken: ct));
}
