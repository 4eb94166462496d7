using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QeV.Domain.Facts.Partitions;
using QeV.Domain.Partitions;
using QeV.Domain.Rules;
using QeV.Worker.Ledger;
using QeV.Worker.Store;
using QeV.Worker.Store.Partitions;

namespace QeV.Worker.Scan;

/// <summary>
/// A scan that several instances share on PostgreSQL (issue 9). The first instance that starts a generation decides
/// for all of them, under the scan lock, whether it is full (settings or lookups changed) and whether the day changed,
/// and splits the partitions into ranges (cases, then staff, in the partition reader's order). Every instance then
/// claims ranges (<see cref="ScanGenerations.ClaimAsync"/>) and evaluates and writes each in a transaction of its
/// own; a range whose lease ran out is taken over. The instance that finds every range done writes the
/// organisation-wide rules and the scan state, once (<see cref="ScanFinish"/>). Every instance returns only when its
/// generation is complete, so whatever it reads or plans next never sees a half-refreshed table.
/// </summary>
public sealed partial class SharedScan(
    Database database, ScanSettings settings, ScanPhases phases, TimeProvider time, IOptions<ScanOptions> options, ILogger<SharedScan> logger)
{
    private static readonly string Worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    private readonly ScanGenerations _generations = new(database);

    public async Task<ScanResult> RefreshAsync(DeadlineScanner scanner, DateOnly asOf, CancellationToken ct)
    {
        var mine = settings.Fingerprint();
        while (true)
        {
            var generation = await JoinOrStartAsync(asOf, mine, ct);
            await WorkAsync(scanner, generation, generation.SettingsFingerprint == mine, ct);
            var done = await _generations.ByIdAsync(generation.GenerationId, ct);
            if (done?.State == ScanGenerations.Done && done.AsOf == asOf && done.SettingsFingerprint == mine)
            {
                return await ScanFinish.ResultAsync(_generations, done, ct);
            }

            // Another day's or other settings' generation was helped or waited for first; now this one.
            LogOtherGeneration(logger, generation.GenerationId, generation.AsOf);
        }
    }

    /// <summary>
    /// Whether this instance plans the notices of <paramref name="scan"/>: one instance plans a shared generation (a
    /// lease as for ranges, taken over when its planner died); the others wait until it has written them to the ledger
    /// and plan nothing. Always for a scan that was not shared.
    /// </summary>
    public async Task<bool> TakePlanningAsync(ScanResult scan, CancellationToken ct)
    {
        if (!scan.Shared)
        {
            return true;
        }

        var lease = options.Value.RangeLease;
        while (true)
        {
            if (await _generations.TakePlanningAsync(scan.RefreshToken, Worker, time.GetUtcNow(), lease, ct) is { } answer)
            {
                return answer;
            }

            await Task.Delay(Poll(lease), time, ct);
        }
    }

    /// <summary>The notices of a shared generation this instance planned are in the ledger.</summary>
    public Task PlanningDoneAsync(ScanResult scan, CancellationToken ct) =>
        scan.Shared ? _generations.PlanningDoneAsync(scan.RefreshToken, Worker, time.GetUtcNow(), ct) : Task.CompletedTask;

    private static TimeSpan Poll(TimeSpan lease) => TimeSpan.FromTicks(Math.Min(lease.Ticks / 10, TimeSpan.FromMilliseconds(200).Ticks));

    /// <summary>The running generation, or a new one with its ranges when none runs (or the one running was given up).</summary>
    private async Task<ScanGenerations.GenerationRow> JoinOrStartAsync(DateOnly asOf, string mine, CancellationToken ct)
    {
        var dialect = database.Dialect;
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(connection, ct);
        await dialect.LockForScanAsync(connection, tx, ct);
        var running = await _generations.RunningAsync(connection, tx, ct);
        var now = time.GetUtcNow();
        if (running is not null && (running.SettingsFingerprint == mine || !await IsStaleAsync(running, now, ct)
            || !await ScanGenerations.AbandonAsync(connection, tx, running.GenerationId, ct)))
        {
            await tx.CommitAsync(ct);
            return running;
        }

        var started = ScanPhases.Start();
        var state = await new DeadlineTableWriter(connection, tx).LoadStateAsync(ct);
        string lookupsFingerprint;
        string factsVersion;
        await using (var snapshot = await ReadSnapshot.OpenAsync(database, ct))
        {
            lookupsFingerprint = PartitionFingerprint.Of(await new PartitionReader(snapshot).ReadLookupsAsync(ct));
            factsVersion = await FactsVersion.ReadAsync(snapshot, asOf, ct);
        }

        var full = state is null || state.SettingsFingerprint != mine || state.LookupsFingerprint != lookupsFingerprint;
        var dayChanged = full || state!.AsOf != asOf;
        var planning = settings.PlanningFingerprint();
        var generation = new ScanGenerations.GenerationRow
        {
            GenerationId = Guid.NewGuid().ToString("N"),
            AsOf = asOf,
            SettingsFingerprint = mine,
            LookupsFingerprint = lookupsFingerprint,
            PlanningFingerprint = planning,
            FullRefresh = full,
            DayChanged = dayChanged,
            Planned = !dayChanged && state!.PlannedAsOf == asOf && state.PlannedSettings == planning,
            State = ScanGenerations.Running,
            StartedAt = now,
            FactsVersion = factsVersion,
        };
        var size = options.Value.RangeSize;
        var ranges = new List<(string, KeyRange)>();
        foreach (var (scope, table, column) in new[] { (RuleScope.Case, "cases", "case_id"), (RuleScope.Staff, "staff", "staff_id") })
        {
            string? after = null;
            foreach (var last in await _generations.BoundariesAsync(connection, tx, table, column, size, ct))
            {
                ranges.Add((DeadlineRows.Code(scope), new KeyRange(after, last)));
                after = last;
            }

            ranges.Add((DeadlineRows.Code(scope), new KeyRange(after, null)));
        }

        await _generations.CreateAsync(connection, tx, generation, ranges, ct);
        await tx.CommitAsync(ct);
        phases.Stop(DeadlineScanner.Phase.Read, started);
        LogStarted(logger, generation.GenerationId, asOf, full, dayChanged, ranges.Count);
        return generation;
    }

    /// <summary>No live claim and older than a lease: nobody works on it any more.</summary>
    private async Task<bool> IsStaleAsync(ScanGenerations.GenerationRow generation, DateTimeOffset now, CancellationToken ct)
    {
        var lease = options.Value.RangeLease;
        var ranges = await _generations.RangesAsync(generation.GenerationId, ct);
        return generation.StartedAt + lease < now && ranges.All(r => r.State != "claimed" || r.ClaimedUntil < now);
    }

    /// <summary>Claims and scans ranges until none is left to claim, then waits for the others', and finishes when all are done.</summary>
    private async Task WorkAsync(DeadlineScanner scanner, ScanGenerations.GenerationRow generation, bool compatible, CancellationToken ct)
    {
        var lease = options.Value.RangeLease;
        var poll = Poll(lease);
        while (true)
        {
            if (compatible && await _generations.ClaimAsync(generation.GenerationId, Worker, time.GetUtcNow(), lease, ct) is { } range)
            {
                try
                {
                    await ScanRangeAsync(scanner, generation, range, ct);
                }
                catch
                {
                    // Stopped or failed: the range goes back at once instead of after the lease.
                    await ReleaseAsync(range);
                    throw;
                }

                continue;
            }

            var state = await _generations.ByIdAsync(generation.GenerationId, ct);
            if (state is null || state.State != ScanGenerations.Running)
            {
                return;
            }

            var ranges = await _generations.RangesAsync(generation.GenerationId, ct);
            if (compatible && ranges.All(r => r.State == ScanGenerations.Done))
            {
                await new ScanFinish(database, _generations, scanner, phases, time).FinishAsync(generation, ranges, ct);
                continue;
            }

            if (!compatible && await IsStaleAsync(state, time.GetUtcNow(), ct))
            {
                await using var connection = await database.OpenAsync(ct);
                await ScanGenerations.AbandonAsync(connection, null, generation.GenerationId, ct);
                return;
            }

            await Task.Delay(poll, time, ct);
        }
    }

    /// <summary>Best effort: when the database itself failed, the lease hands the range over instead.</summary>
    private async Task ReleaseAsync(ScanGenerations.RangeRow range)
    {
        try
        {
            await _generations.ReleaseAsync(range, Worker, CancellationToken.None);
        }
        catch (DbException)
        {
        }
    }

    /// <summary>One range in one transaction: evaluate, write, mark done; nothing when another instance took it over.</summary>
    private async Task ScanRangeAsync(DeadlineScanner scanner, ScanGenerations.GenerationRow generation, ScanGenerations.RangeRow range, CancellationToken ct)
    {
        var started = ScanPhases.Start();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        if (!await _generations.RenewAsync(connection, tx, range, Worker, time.GetUtcNow() + options.Value.RangeLease, ct))
        {
            LogTakenOver(logger, range.RangeNo, generation.GenerationId);
            return;
        }

        await using var snapshot = await ReadSnapshot.OpenAsync(database, ct);
        var reader = new PartitionReader(snapshot);
        var lookups = await reader.ReadLookupsAsync(ct);
        var asOf = generation.AsOf;
        var keys = range.Range;
        var scope = range.Scope == DeadlineRows.Code(RuleScope.Case) ? RuleScope.Case : RuleScope.Staff;
        phases.Stop(DeadlineScanner.Phase.Read, started);
        var writer = new DeadlineTableWriter(connection, tx);
        var run = new ScanRun(scanner.Evaluator, phases, writer, snapshot, scanner.ContextFor(asOf), cleared: false, all: generation.FullRefresh,
            dayChanged: generation.DayChanged, keys)
        {
            Changed = generation.Planned ? new HashSet<string>(StringComparer.Ordinal) : null,
        };
        if (generation.DayChanged && !generation.FullRefresh)
        {
            await _generations.DeleteRulesAsync(connection, tx, scope, ScanRun.DayRules(scanner.Evaluator, scope), keys, ct);
        }

        started = ScanPhases.Start();
        if (scope == RuleScope.Case)
        {
            var notified = await DeliveredNotices.NotifiedBySubjectAsync(snapshot, asOf, ct);
            var notifiedKeys = notified.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);
            await foreach (var batch in reader.CaseBatchesAsync(lookups, DeadlineScanner.BatchSize, keys, ct))
            {
                phases.Stop(DeadlineScanner.Phase.Read, started);
                await run.BatchAsync(
                    RuleScope.Case, batch, p => p.Id, p => PartitionFingerprint.Of(p, asOf, notified[p.Id]),
                    b => PartitionEvaluator.CaseFacts(lookups, b, notifiedKeys), ct);
                started = ScanPhases.Start();
            }
        }
        else
        {
            await foreach (var batch in reader.StaffBatchesAsync(lookups, DeadlineScanner.BatchSize, keys, ct))
            {
                phases.Stop(DeadlineScanner.Phase.Read, started);
                await run.BatchAsync(RuleScope.Staff, batch, p => p.Id, PartitionFingerprint.Of, b => PartitionEvaluator.StaffFacts(lookups, b), ct);
                started = ScanPhases.Start();
            }
        }

        phases.Stop(DeadlineScanner.Phase.Read, started);
        await run.EndScopeAsync(scope, ct);
        started = ScanPhases.Start();
        range.Partitions = run.Partitions;
        range.Evaluated = run.Evaluated;
        range.DayOnly = run.DayOnly;
        range.Removed = run.Removed;
        range.Written = run.Written;
        range.PresentRules = string.Join(",", run.Present.Order(StringComparer.Ordinal));
        range.LookupsFingerprint = PartitionFingerprint.Of(lookups);
        range.Changed = run.Changed is null ? null : JsonSerializer.Serialize(run.Changed.Order(StringComparer.Ordinal));
        range.Failures = JsonSerializer.Serialize(run.Failures);
        await ScanGenerations.CompleteAsync(connection, tx, range, Worker, ct);
        await tx.CommitAsync(ct);
        phases.Stop(DeadlineScanner.Phase.Write, started);
        LogRange(logger, range.RangeNo, range.Scope, run.Partitions, run.Evaluated, generation.GenerationId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan {Generation} für {AsOf}: begonnen (vollständig {Full}, neuer Tag {DayChanged}), {Ranges} Bereiche")]
    private static partial void LogStarted(ILogger logger, string generation, DateOnly asOf, bool full, bool dayChanged, int ranges);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scan {Generation}: Bereich {Range} ({Scope}) fertig, {Partitions} Partitionen, {Evaluated} neu ausgewertet")]
    private static partial void LogRange(ILogger logger, int range, string scope, long partitions, long evaluated, string generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan {Generation}: Bereich {Range} wurde von einer anderen Instanz übernommen")]
    private static partial void LogTakenOver(ILogger logger, int range, string generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scan {Generation} für {AsOf} lief schon (anderer Tag oder andere Einstellungen); danach der eigene")]
    private static partial void LogOtherGeneration(ILogger logger, string generation, DateOnly asOf);
}
