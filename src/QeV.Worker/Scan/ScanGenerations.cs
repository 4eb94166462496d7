using System.Data.Common;
using Dapper;
using QeV.Domain.Partitions;
using QeV.Worker.Store;
using QeV.Worker.Store.Partitions;

namespace QeV.Worker.Scan;

/// <summary>
/// The rows of a shared scan (M016): generations and their ranges, claimed like the dispatcher claims notices (row
/// locks skipped by others, <see cref="ISqlDialect.SkipLockedClause"/>, and a lease in <c>claimed_until</c>).
/// </summary>
internal sealed class ScanGenerations(Database database)
{
    public const string Running = "running";
    public const string Done = "done";
    public const string Abandoned = "abandoned";

    private ISqlDialect Dialect => database.Dialect;

    public async Task<GenerationRow?> RunningAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<GenerationRow>(new CommandDefinition(
            $"SELECT * FROM scan_generations WHERE state = @state ORDER BY started_at {Dialect.Limit("@one")}",
            new { state = Running, one = 1 }, tx, cancellationToken: ct));

    public async Task<GenerationRow?> ByIdAsync(string id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<GenerationRow>(new CommandDefinition(
            "SELECT * FROM scan_generations WHERE generation_id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>
    /// The upper keys of ranges of <paramref name="size"/> partitions of a table, in ordinal order: every size-th key.
    /// The ranges are then (none, k1], (k1, k2], …, (kn, none]; the last one open, so it also removes stored partitions
    /// after the last key.
    /// </summary>
    public async Task<List<string>> BoundariesAsync(
        DbConnection connection, DbTransaction tx, string table, string column, int size, CancellationToken ct)
    {
        var order = Dialect.OrdinalOrder(column);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT {column} FROM (SELECT {column}, ROW_NUMBER() OVER (ORDER BY {order}) AS n FROM {table}) k WHERE n % @size = 0 ORDER BY {order}",
            new { size }, tx, cancellationToken: ct))).ToList();
    }

    public async Task CreateAsync(DbConnection connection, DbTransaction tx, GenerationRow g, IReadOnlyList<(string Scope, KeyRange Range)> ranges, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO scan_generations (generation_id, as_of, settings_fingerprint, lookups_fingerprint, planning_fingerprint, full_refresh, day_changed, planned, state, started_at, facts_version)
            VALUES (@GenerationId, @AsOf, @SettingsFingerprint, @LookupsFingerprint, @PlanningFingerprint, @FullRefresh, @DayChanged, @Planned, @State, @startedAt, @FactsVersion)
            """, new { g.GenerationId, g.AsOf, g.SettingsFingerprint, g.LookupsFingerprint, g.PlanningFingerprint, g.FullRefresh, g.DayChanged, g.Planned, g.State, g.FactsVersion,
                startedAt = Dialect.Instant(g.StartedAt) }, tx, cancellationToken: ct));
        var rows = ranges.Select((r, i) => new { id = g.GenerationId, no = i, scope = r.Scope, after = r.Range.After, last = r.Range.Last, state = "open" });
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO scan_ranges (generation_id, range_no, scope, after_key, last_key, state) VALUES (@id, @no, @scope, @after, @last, @state)",
            rows, tx, cancellationToken: ct));
        // The ranges rewrite the table in transactions of their own: counts kept up by a single refresh no longer hold.
        await connection.ExecuteAsync(new CommandDefinition("UPDATE deadline_scans SET counts = NULL, counts_day = NULL", transaction: tx, cancellationToken: ct));
    }

    /// <summary>Takes the first range that is open or whose lease ran out; null when none is (all done, or held by live instances).</summary>
    public async Task<RangeRow?> ClaimAsync(string generationId, string worker, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await Dialect.BeginWriteAsync(connection, ct);
        var range = await connection.QuerySingleOrDefaultAsync<RangeRow>(new CommandDefinition($"""
            SELECT * FROM scan_ranges {Dialect.ClaimTableHint}
            WHERE generation_id = @generationId AND (state = 'open' OR (state = 'claimed' AND claimed_until < @now))
            ORDER BY range_no {Dialect.Limit("@one")} {Dialect.SkipLockedClause}
            """, new { generationId, now = Dialect.Instant(now), one = 1 }, tx, cancellationToken: ct));
        if (range is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE scan_ranges SET state = 'claimed', claimed_by = @worker, claimed_until = @until WHERE generation_id = @generationId AND range_no = @no",
                new { worker, until = Dialect.Instant(now + lease), generationId, no = range.RangeNo }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        return range;
    }

    /// <summary>
    /// Inside the range's write transaction: extends the claim and locks the row until the transaction ends, so no other
    /// instance takes it over while this one writes. False when another instance took it over already.
    /// </summary>
    public async Task<bool> RenewAsync(DbConnection connection, DbTransaction tx, RangeRow range, string worker, DateTimeOffset until, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE scan_ranges SET claimed_until = @until WHERE generation_id = @g AND range_no = @no AND state = 'claimed' AND claimed_by = @worker",
            new { until = Dialect.Instant(until), g = range.GenerationId, no = range.RangeNo, worker }, tx, cancellationToken: ct)) == 1;

    /// <summary>
    /// Who plans a finished generation's notices: true when this instance took (or holds) the planning, false when another
    /// instance has planned them already, null while another instance is planning (ask again later).
    /// </summary>
    public async Task<bool?> TakePlanningAsync(string generationId, string worker, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var taken = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE scan_generations SET planner = @worker, planning_until = @until
            WHERE generation_id = @generationId AND planned_at IS NULL AND (planner IS NULL OR planner = @worker OR planning_until < @now)
            """, new { worker, until = Dialect.Instant(now + lease), now = Dialect.Instant(now), generationId }, cancellationToken: ct));
        var planned = taken == 1 ? null : await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT CASE WHEN planned_at IS NULL THEN 0 ELSE 1 END FROM scan_generations WHERE generation_id = @generationId",
            new { generationId }, cancellationToken: ct));
        // Taken, or the generation is gone (given up, removed): plan here.
        return taken == 1 || planned is null ? true : planned == 1 ? false : null;
    }

    public async Task PlanningDoneAsync(string generationId, string worker, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE scan_generations SET planned_at = @now WHERE generation_id = @generationId AND planner = @worker",
            new { now = Dialect.Instant(now), generationId, worker }, cancellationToken: ct));
    }

    /// <summary>Hands a claimed range back (its transaction rolled back): open again for any instance.</summary>
    public async Task ReleaseAsync(RangeRow range, string worker, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE scan_ranges SET state = 'open', claimed_by = NULL, claimed_until = NULL WHERE generation_id = @g AND range_no = @no AND state = 'claimed' AND claimed_by = @worker",
            new { g = range.GenerationId, no = range.RangeNo, worker }, cancellationToken: ct));
    }

    public static async Task CompleteAsync(DbConnection connection, DbTransaction tx, RangeRow r, string worker, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE scan_ranges SET state = 'done', done_by = @worker, partitions = @Partitions, evaluated = @Evaluated, day_only = @DayOnly,
                removed = @Removed, written = @Written, present_rules = @PresentRules, lookups_fingerprint = @LookupsFingerprint, changed = @Changed, failures = @Failures
            WHERE generation_id = @GenerationId AND range_no = @RangeNo
            """, new { worker, r.Partitions, r.Evaluated, r.DayOnly, r.Removed, r.Written, r.PresentRules, r.LookupsFingerprint, r.Changed, r.Failures, r.GenerationId, r.RangeNo },
            tx, cancellationToken: ct));

    /// <summary>Removes the day-dependent rules' deadlines of the range's partitions (a new day), as a single scan does for all at once.</summary>
    public async Task DeleteRulesAsync(
        DbConnection connection, DbTransaction tx, RuleScope scope, IReadOnlyList<string> rules, KeyRange range, CancellationToken ct)
    {
        if (rules.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM deadlines WHERE scope = @scope AND {Dialect.InList("rule", "@rules")} AND {KeyRange.Condition("partition_id", Dialect)}",
                new { scope = DeadlineRows.Code(scope), rules = Dialect.ListOf([.. rules]), after = range.AfterValue, last = range.LastValue }, tx, cancellationToken: ct));
        }
    }

    public async Task<List<RangeRow>> RangesAsync(string generationId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await RangesAsync(connection, null, generationId, ct);
    }

    public static async Task<List<RangeRow>> RangesAsync(DbConnection connection, DbTransaction? tx, string generationId, CancellationToken ct) =>
        (await connection.QueryAsync<RangeRow>(new CommandDefinition(
            "SELECT * FROM scan_ranges WHERE generation_id = @generationId ORDER BY range_no", new { generationId }, tx, cancellationToken: ct))).ToList();

    /// <summary>Locks the generation's row (a second finisher waits here, then sees it done).</summary>
    public static async Task<string?> LockStateAsync(DbConnection connection, DbTransaction tx, string generationId, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT state FROM scan_generations WHERE generation_id = @generationId FOR UPDATE", new { generationId }, tx, cancellationToken: ct));

    public async Task FinishAsync(
        DbConnection connection, DbTransaction tx, string generationId, int written, string present, string failures, DateTimeOffset now, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE scan_generations SET state = @done, finished_at = @now, written = @written, present_rules = @present, failures = @failures
            WHERE generation_id = @generationId
            """, new { done = Done, now = Dialect.Instant(now), written, present, failures, generationId }, tx, cancellationToken: ct));
        // Finished and given-up generations of more than a day ago: a late reader of the one just before still finds it.
        var rows = new { generationId, before = Dialect.Instant(now - TimeSpan.FromDays(1)), running = Running };
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM scan_ranges WHERE generation_id IN (SELECT generation_id FROM scan_generations WHERE state <> @running AND started_at < @before AND generation_id <> @generationId)",
            rows, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM scan_generations WHERE state <> @running AND started_at < @before AND generation_id <> @generationId", rows, tx, cancellationToken: ct));
    }

    /// <summary>Gives up a generation no live instance works on (one with other settings waited for it): safe, see docs/scan.md.</summary>
    public static async Task<bool> AbandonAsync(DbConnection connection, DbTransaction? tx, string generationId, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE scan_generations SET state = @abandoned WHERE generation_id = @generationId AND state = @running",
            new { abandoned = Abandoned, running = Running, generationId }, tx, cancellationToken: ct)) == 1;

#pragma warning disable CA1812 // instantiated by Dapper
    public sealed class GenerationRow
    {
        public string GenerationId { get; set; } = "";
        public DateOnly AsOf { get; set; }
        public string SettingsFingerprint { get; set; } = "";
        public string LookupsFingerprint { get; set; } = "";
        public string PlanningFingerprint { get; set; } = "";
        public bool FullRefresh { get; set; }
        public bool DayChanged { get; set; }
        public bool Planned { get; set; }
        public string State { get; set; } = "";
        public DateTimeOffset StartedAt { get; set; }
        public int? Written { get; set; }
        public string? PresentRules { get; set; }
        public string? Failures { get; set; }

        /// <summary><see cref="Scan.FactsVersion"/> before any range was read: a change after it makes the next scan differ.</summary>
        public string? FactsVersion { get; set; }
    }

    public sealed class RangeRow
    {
        public string GenerationId { get; set; } = "";
        public int RangeNo { get; set; }
        public string Scope { get; set; } = "";
        public string? AfterKey { get; set; }
        public string? LastKey { get; set; }
        public string State { get; set; } = "";
        public string? ClaimedBy { get; set; }
        public DateTimeOffset? ClaimedUntil { get; set; }
        public string? DoneBy { get; set; }
        public long Partitions { get; set; }
        public long Evaluated { get; set; }
        public long DayOnly { get; set; }
        public long Removed { get; set; }
        public long Written { get; set; }
        public string? PresentRules { get; set; }
        public string? LookupsFingerprint { get; set; }
        public string? Changed { get; set; }
        public string? Failures { get; set; }

        public KeyRange Range => new(AfterKey, LastKey);
    }
#pragma warning restore CA1812
}
