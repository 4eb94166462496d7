using Dapper;
using Microsoft.Extensions.Options;
using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Facts.Partitions;
using QeV.Domain.Partitions;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
using QeV.Worker.Ledger;
using QeV.Worker.Office;
using QeV.Worker.Store;
using QeV.Worker.Store.Partitions;

namespace QeV.Worker.Scan;

/// <summary>
/// Refreshes the deadlines table incrementally: streams the facts partition by partition, re-evaluates a partition
/// only when its fingerprint changed (all of them when settings, code or the shared lookups changed), re-runs the
/// day-dependent rules of the others when the day changed, and always the organisation-wide rules. On SQLite (and SQL
/// Server) one write transaction: a scan is all or nothing, and concurrent scans queue behind each other. On PostgreSQL
/// instances share the scan by ranges (<see cref="SharedScan"/>) and each returns once the whole scan is done.
/// </summary>
public sealed class DeadlineScanner(
    Database database, DeadlineEngine engine, ScanSettings settings, BusinessCalendar calendar, OfficeClock clock, IOptions<RulesOptions> rules,
    ScanPhases phases, SharedScan shared, ScanProgress progress)
{
    public const int BatchSize = 2_000;

    public PartitionEvaluator Evaluator { get; } = new(engine.Rules);

    public RuleContext ContextFor(DateOnly asOf) => new(asOf, calendar, clock.DefaultState, rules.Value.Profile) { Map = rules.Value.Map };

    public ScanPhases Phases => phases;

    public SharedScan Shared => shared;

    public ScanProgress Progress => progress;

    public async Task<ScanResult> RefreshAsync(DateOnly asOf, CancellationToken ct)
    {
        phases.Reset();
        progress.Start();
        if (await UnchangedAsync(asOf, ct) is { } unchanged)
        {
            return unchanged;
        }

        if (database.Dialect.SharesScans)
        {
            // A few changed partitions are quicker judged by one instance than shared out in ranges.
            return await RefreshHereAsync(asOf, onlyChanged: true, ct) ?? await shared.RefreshAsync(this, asOf, ct);
        }

        return (await RefreshHereAsync(asOf, onlyChanged: false, ct))!;
    }

    /// <summary>
    /// The refresh in this instance, in one write transaction under the scan lock. It reads only the changed partitions
    /// when the last refresh judged the same day with the same settings and lookups and M019 recorded their keys; with
    /// <paramref name="onlyChanged"/> it does nothing else (null: the caller shares the scan).
    /// </summary>
    private async Task<ScanResult?> RefreshHereAsync(DateOnly asOf, bool onlyChanged, CancellationToken ct)
    {
        var started = ScanPhases.Start();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        await using var cache = await WriteCache.BeginAsync(connection, tx, ct);
        await database.Dialect.LockForScanAsync(connection, tx, ct);
        if (onlyChanged && await new ScanGenerations(database).RunningAsync(connection, tx, ct) is not null)
        {
            return null;
        }

        var writer = new DeadlineTableWriter(connection, tx);
        var state = await writer.LoadStateAsync(ct);
        // The last refresh judged this day and could be trusted: what changed since may be all recorded by key.
        var sameDay = state?.FactsVersion is not null && state.AsOf == asOf;
        if (onlyChanged && (!sameDay || state!.SettingsFingerprint != settings.Fingerprint()))
        {
            return null;
        }

        // The snapshot opens after the lock: it sees what the previous scan committed.
        await using var snapshot = await ReadSnapshot.OpenAsync(database, ct);
        // Whether every change since has its key: asked before anything is read, so a scan that is to be shared reads nothing here.
        var keyed = sameDay && await OnlyKeyedChangesAsync(snapshot, ct);
        if (onlyChanged && !keyed)
        {
            return null;
        }

        var reader = new PartitionReader(snapshot);
        var lookups = await reader.ReadLookupsAsync(ct);
        phases.Stop(Phase.Read, started);
        var settingsFingerprint = settings.Fingerprint();
        var lookupsFingerprint = PartitionFingerprint.Of(lookups);
        // F06 is fulfilled by its delivered notice: the ledger is part of the facts, and of each case's fingerprint.
        var notified = await DeliveredNotices.NotifiedBySubjectAsync(snapshot, asOf, ct);
        var notifiedKeys = notified.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);
        // The delivered notices just read are the ones the version counts: no second query for them.
        var seq = await FactsVersion.SeqAsync(snapshot, ct);
        var factsVersion = FactsVersion.Of(seq, notified.Sum(g => g.LongCount()));
        var full = state is null || state.SettingsFingerprint != settingsFingerprint || state.LookupsFingerprint != lookupsFingerprint;
        var dayChanged = full || state!.AsOf != asOf;
        reader.ChangedOnly = keyed && !dayChanged;
        if (onlyChanged && !reader.ChangedOnly)
        {
            return null;
        }

        var run = new ScanRun(Evaluator, phases, writer, snapshot, ContextFor(asOf), cleared: full, all: false, dayChanged: dayChanged, range: null)
        {
            ChangedOnly = reader.ChangedOnly,
        };
        if (reader.ChangedOnly)
        {
            // The rules the unread partitions had data for are still present (the next day's scan reads them all again).
            run.Present.UnionWith(state!.PresentRules.Split(',', StringSplitOptions.RemoveEmptyEntries));
        }

        var planningFingerprint = settings.PlanningFingerprint();
        // The last refresh's notices were planned today with these settings: only what this refresh changes is new.
        var planned = !run.DayChanged && state!.PlannedAsOf == asOf && state.PlannedSettings == planningFingerprint;
        run.Changed = planned ? new HashSet<string>(StringComparer.Ordinal) : null;
        if (full)
        {
            await writer.ClearAsync(ct);
        }

        // The counts per rule and status go along with the deletes and inserts below, so the plan need not count the table.
        await writer.KeepCountsAsync(asOf, cleared: full, ct);
        if (!full && run.DayChanged)
        {
            // A new day: the day-dependent rules' deadlines of every partition go at once and are written anew below.
            foreach (var scope in new[] { RuleScope.Case, RuleScope.Staff })
            {
                await writer.DeleteRulesAsync(scope, ScanRun.DayRules(Evaluator, scope), ct);
            }
        }

        started = ScanPhases.Start();
        await foreach (var batch in reader.CaseBatchesAsync(lookups, BatchSize, null, ct))
        {
            phases.Stop(Phase.Read, started);
            await run.BatchAsync(
                RuleScope.Case, batch, p => p.Id, p => PartitionFingerprint.Of(p, asOf, notified[p.Id]),
                b => PartitionEvaluator.CaseFacts(lookups, b, notifiedKeys), ct);
            progress.Evaluated(batch.Count);
            started = ScanPhases.Start();
        }

        phases.Stop(Phase.Read, started);

        await run.EndScopeAsync(RuleScope.Case, ct);
        started = ScanPhases.Start();
        await foreach (var batch in reader.StaffBatchesAsync(lookups, BatchSize, null, ct))
        {
            phases.Stop(Phase.Read, started);
            await run.BatchAsync(RuleScope.Staff, batch, p => p.Id, PartitionFingerprint.Of, b => PartitionEvaluator.StaffFacts(lookups, b), ct);
            progress.Evaluated(batch.Count);
            started = ScanPhases.Start();
        }

        phases.Stop(Phase.Read, started);

        await run.EndScopeAsync(RuleScope.Staff, ct);

        progress.Step("die organisationsweiten Regeln und das Speichern folgen");
        started = ScanPhases.Start();
        // The organisation-wide rules count all cases; having read only the changed ones, count them by SQL.
        var counts = reader.ChangedOnly ? await reader.CaseCountsAsync(lookups, ct) : reader.CaseCounts;
        var organisation = PartitionEvaluator.OrganisationFactSet(lookups, await reader.ReadOrganisationFactsAsync(counts, ct));
        phases.Stop(Phase.Read, started);
        started = ScanPhases.Start();
        run.Present.UnionWith(Evaluator.PresentIn(organisation));
        var organisationDeadlines = Evaluator.Evaluate(RuleScope.Organisation, organisation, run.Context, run.Failures);
        phases.Stop(Phase.Evaluate, started);
        started = ScanPhases.Start();
        await writer.ClearScopeAsync(RuleScope.Organisation, ct);
        await writer.InsertDeadlinesAsync(organisationDeadlines, ct);
        run.Written += organisationDeadlines.Count;

        var token = Guid.NewGuid().ToString("N");
        var keepMark = planned && run.Changed!.Count == 0;
        await writer.RestoreStageDatesAsync(ct);
        await writer.SaveStateAsync(settingsFingerprint, lookupsFingerprint, asOf, run.Present, database.Dialect.Instant(clock.UtcNow), token,
            keepMark ? asOf : null, keepMark ? planningFingerprint : null, run.Failures.Count == 0 ? factsVersion : null, ct);
        await FactsVersion.MarkCleanAsync(connection, tx, ct);
        await PartitionChanges.ClearAsync(database.Dialect, connection, tx, seq, ct);
        await tx.CommitAsync(ct);
        phases.Stop(Phase.Write, started);
        return new ScanResult(asOf, full, run.Partitions, run.Evaluated, run.DayOnly, run.Removed, run.Written, reader.RowsRead,
            run.Present.Order(StringComparer.Ordinal).ToList())
        {
            Failures = run.Failures,
            RefreshToken = token,
            PlanningFingerprint = planningFingerprint,
            ChangedPartitions = run.Changed,
            ChangedOnly = reader.ChangedOnly,
        };
    }

    /// <summary>Every change since the last refresh has its partition's key, and there are few enough to look each up.</summary>
    private async Task<bool> OnlyKeyedChangesAsync(ReadSnapshot snapshot, CancellationToken ct)
    {
        if (!database.Dialect.TracksPartitionChanges)
        {
            return false;
        }

        var (keys, unkeyed) = await PartitionChanges.CountAsync(snapshot, ct);
        return !unkeyed && keys <= PartitionChanges.MaxKeyed;
    }

    /// <summary>
    /// The last refresh stands when it judged the same day with the same settings by the same <see cref="FactsVersion"/>
    /// and no partition failed: then no fact is read and nothing is written (a refresh would re-evaluate nothing, and
    /// the organisation-wide rules would give the same rows). Read in one snapshot, so the state and the version belong
    /// together; a writer that commits after it counts for the next refresh.
    /// </summary>
    private async Task<ScanResult?> UnchangedAsync(DateOnly asOf, CancellationToken ct)
    {
        var started = ScanPhases.Start();
        await using var snapshot = await ReadSnapshot.OpenAsync(database, ct);
        var state = (await snapshot.QueryAsync<DeadlineRows.ScanState>(DeadlineTableWriter.StateSql, null, ct)).SingleOrDefault();
        if (state?.FactsVersion is null || state.RefreshToken is null || state.AsOf != asOf || state.SettingsFingerprint != settings.Fingerprint()
            || await FactsVersion.ReadAsync(snapshot, asOf, ct) != state.FactsVersion)
        {
            return null;
        }

        var planning = settings.PlanningFingerprint();
        phases.Stop(Phase.Read, started);
        return new ScanResult(asOf, false, 0, 0, 0, 0, 0, 0, state.PresentRules.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            Unchanged = true,
            RefreshToken = state.RefreshToken,
            PlanningFingerprint = planning,
            ChangedPartitions = state.PlannedAsOf == asOf && state.PlannedSettings == planning ? new HashSet<string>(StringComparer.Ordinal) : null,
        };
    }

    /// <summary>
    /// Marks the refresh's notices as planned and in the ledger for <paramref name="day"/>; a later refresh that changes
    /// something has replaced the token, and the mark stays off until its changes are planned too.
    /// </summary>
    public async Task MarkPlannedAsync(ScanResult scan, DateOnly day, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE deadline_scans SET planned_as_of = @day, planned_settings = @settings WHERE scan_id = 1 AND refresh_token = @token AND as_of = @day",
            new { day, settings = scan.PlanningFingerprint, token = scan.RefreshToken }, cancellationToken: ct));
    }

    /// <summary>The key of a partition in <see cref="ScanResult.ChangedPartitions"/>.</summary>
    public static string PartitionKey(string scope, string partitionId) => scope + ":" + partitionId;

    /// <summary>The phases the scan command reports.</summary>
    public static class Phase
    {
        public const string Read = "lesen";
        public const string Fingerprint = "Fingerabdruck";
        public const string Evaluate = "auswerten";
        public const string Write = "Fristen schreiben";
        public const string Table = "Tabelle lesen";
        public const string Plan = "planen";
        public const string Ledger = "Postausgangsbuch";
        public const string Problems = "Datenprobleme";
    }
}
