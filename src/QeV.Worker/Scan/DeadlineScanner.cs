using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
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
/// day-dependent rules of the others when the day changed, and always the organisation-wide rules. One write
/// transaction: a scan is all or nothing, and concurrent scans queue behind each other.
/// </summary>
public sealed class DeadlineScanner(
    Database database, DeadlineEngine engine, ScanSettings settings, BusinessCalendar calendar, OfficeClock clock, IOptions<RulesOptions> rules,
    ScanPhases phases)
{
    public const int BatchSize = 2_000;

    // Any fixed number; the same for every instance (the migration lock uses another).
    private const long ScanLockKey = 78_2026_0009;

    /// <summary>Never the fingerprint of any facts: a partition a rule failed on is judged again by the next scan.</summary>
    private const string FailedFingerprint = "failed";

    public PartitionEvaluator Evaluator { get; } = new(engine.Rules);

    public RuleContext ContextFor(DateOnly asOf) => new(asOf, calendar, clock.DefaultState, rules.Value.Profile) { Map = rules.Value.Map };

    public ScanPhases Phases => phases;

    public async Task<ScanResult> RefreshAsync(DateOnly asOf, CancellationToken ct)
    {
        phases.Reset();
        var started = ScanPhases.Start();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        if (connection is NpgsqlConnection)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = ScanLockKey }, tx, cancellationToken: ct));
        }

        var writer = new DeadlineTableWriter(connection, tx);
        var state = await writer.LoadStateAsync(ct);

        // The snapshot opens after the lock: it sees what the previous scan committed.
        await using var snapshot = await ReadSnapshot.OpenAsync(database, ct);
        var reader = new PartitionReader(snapshot);
        var lookups = await reader.ReadLookupsAsync(ct);
        phases.Stop(Phase.Read, started);
        var settingsFingerprint = settings.Fingerprint();
        var lookupsFingerprint = PartitionFingerprint.Of(lookups);
        // F06 is fulfilled by its delivered notice: the ledger is part of the facts, and of each case's fingerprint.
        var notified = await DeliveredNotices.NotifiedBySubjectAsync(snapshot, asOf, ct);
        var notifiedKeys = notified.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);
        var full = state is null || state.SettingsFingerprint != settingsFingerprint || state.LookupsFingerprint != lookupsFingerprint;
        var run = new Run(this, writer, snapshot, ContextFor(asOf), full, full || state!.AsOf != asOf);
        var planningFingerprint = settings.PlanningFingerprint();
        // The last refresh's notices were planned today with these settings: only what this refresh changes is new.
        var planned = !run.DayChanged && state!.PlannedAsOf == asOf && state.PlannedSettings == planningFingerprint;
        run.Changed = planned ? new HashSet<string>(StringComparer.Ordinal) : null;
        if (full)
        {
            await writer.ClearAsync(ct);
        }
        else if (run.DayChanged)
        {
            // A new day: the day-dependent rules' deadlines of every partition go at once and are written anew below.
            foreach (var scope in new[] { RuleScope.Case, RuleScope.Staff })
            {
                await writer.DeleteRulesAsync(scope, run.DayRules(scope), ct);
            }
        }

        started = ScanPhases.Start();
        await foreach (var batch in reader.CaseBatchesAsync(lookups, BatchSize, ct))
        {
            phases.Stop(Phase.Read, started);
            await run.BatchAsync(
                RuleScope.Case, batch, p => p.Id, p => PartitionFingerprint.Of(p, asOf, notified[p.Id]),
                b => PartitionEvaluator.CaseFacts(lookups, b, notifiedKeys), ct);
            started = ScanPhases.Start();
        }

        phases.Stop(Phase.Read, started);

        await run.EndScopeAsync(RuleScope.Case, ct);
        started = ScanPhases.Start();
        await foreach (var batch in reader.StaffBatchesAsync(lookups, BatchSize, ct))
        {
            phases.Stop(Phase.Read, started);
            await run.BatchAsync(RuleScope.Staff, batch, p => p.Id, PartitionFingerprint.Of, b => PartitionEvaluator.StaffFacts(lookups, b), ct);
            started = ScanPhases.Start();
        }

        phases.Stop(Phase.Read, started);

        await run.EndScopeAsync(RuleScope.Staff, ct);

        started = ScanPhases.Start();
        var organisation = PartitionEvaluator.OrganisationFactSet(lookups, await reader.ReadOrganisationFactsAsync(ct));
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
            keepMark ? asOf : null, keepMark ? planningFingerprint : null, ct);
        await tx.CommitAsync(ct);
        phases.Stop(Phase.Write, started);
        return new ScanResult(asOf, full, run.Partitions, run.Evaluated, run.DayOnly, run.Removed, run.Written, reader.RowsRead,
            run.Present.Order(StringComparer.Ordinal).ToList())
        {
            Failures = run.Failures,
            RefreshToken = token,
            PlanningFingerprint = planningFingerprint,
            ChangedPartitions = run.Changed,
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

    /// <summary>The state of one scan while it walks the partitions.</summary>
    private sealed class Run(DeadlineScanner scanner, DeadlineTableWriter writer, ReadSnapshot snapshot, RuleContext context, bool full, bool dayChanged)
    {
        private RowCursor<DeadlineRows.StoredFingerprint>? _stored;

        public RuleContext Context => context;

        public bool DayChanged => dayChanged;

        public List<string> DayRules(RuleScope scope) =>
            scanner.Evaluator.Rules.Where(r => RuleScopes.ScopeOf(r.Id) == scope && RuleScopes.IsDayDependent(r.Id)).Select(r => r.Id).ToList();

        public HashSet<string> Present { get; } = new(StringComparer.Ordinal);

        /// <summary>The partitions re-evaluated, when only those are to be planned; null when everything is.</summary>
        public HashSet<string>? Changed { get; set; }

        /// <summary>What no rule could judge; the partitions concerned get no fingerprint that can match, so every scan judges them again.</summary>
        public List<RuleFailure> Failures { get; } = [];

        public long Partitions { get; private set; }

        public long Evaluated { get; private set; }

        public long DayOnly { get; private set; }

        public long Removed { get; private set; }

        public long Written { get; set; }

        public async Task BatchAsync<TPartition>(
            RuleScope scope,
            IReadOnlyList<TPartition> batch,
            Func<TPartition, string> id,
            Func<TPartition, string> fingerprint,
            Func<IReadOnlyList<TPartition>, FactSet> facts,
            CancellationToken ct)
        {
            var evaluator = scanner.Evaluator;
            var changed = new List<TPartition>();
            var unchanged = new List<TPartition>();
            var fingerprints = new List<(string Id, string Fingerprint)>();
            var gone = new List<string>();
            var phases = scanner.Phases;
            var started = ScanPhases.Start();
            var stored = await StoredAsync(scope, ct);
            foreach (var partition in batch)
            {
                var key = id(partition);
                var print = fingerprint(partition);
                string? before = null;
                if (stored is not null)
                {
                    while (stored.HasRow && string.CompareOrdinal(stored.Key, key) < 0)
                    {
                        gone.Add(stored.Key);
                        await stored.MoveNextAsync(ct);
                    }

                    if (stored.HasRow && stored.Key == key)
                    {
                        before = stored.Current.Fingerprint;
                        await stored.MoveNextAsync(ct);
                    }
                }

                if (before == print)
                {
                    unchanged.Add(partition);
                }
                else
                {
                    changed.Add(partition);
                    fingerprints.Add((key, print));
                }
            }

            Partitions += batch.Count;
            phases.Stop(Phase.Fingerprint, started);
            started = ScanPhases.Start();
            // Only this scope's rules can become present through its partitions; the others are judged where their data is.
            if (!evaluator.Rules.Where(r => RuleScopes.ScopeOf(r.Id) == scope).All(r => Present.Contains(r.Id)))
            {
                Present.UnionWith(evaluator.PresentIn(facts(batch)));
            }

            var deadlines = new List<PartitionDeadline>();
            if (changed.Count > 0)
            {
                var failures = new List<RuleFailure>();
                deadlines.AddRange(evaluator.Evaluate(scope, facts(changed), context, failures));
                phases.Stop(Phase.Evaluate, started);
                started = ScanPhases.Start();
                if (!full)
                {
                    await writer.DeletePartitionsAsync(scope, [.. changed.Select(id), .. gone], ct);
                }

                var failed = FailedIn(failures, changed.Select(id));
                await writer.InsertFingerprintsAsync(
                    scope, fingerprints.Select(f => failed.Contains(f.Id) ? (f.Id, FailedFingerprint) : f).ToList(), ct);
                Failures.AddRange(failures);
                Evaluated += changed.Count;
                if (Changed is not null)
                {
                    var code = DeadlineRows.Code(scope);
                    foreach (var partition in changed)
                    {
                        Changed.Add(PartitionKey(code, id(partition)));
                    }
                }

                phases.Stop(Phase.Write, started);
                started = ScanPhases.Start();
            }
            else if (gone.Count > 0)
            {
                await writer.DeletePartitionsAsync(scope, gone, ct);
            }

            phases.Stop(Phase.Evaluate, started);
            started = ScanPhases.Start();
            if (dayChanged && !full && unchanged.Count > 0 && DayRules(scope).Count > 0)
            {
                var failures = new List<RuleFailure>();
                deadlines.AddRange(evaluator.Evaluate(scope, facts(unchanged), context, failures, dayDependentOnly: true));
                phases.Stop(Phase.Evaluate, started);
                started = ScanPhases.Start();
                await writer.MarkFailedAsync(scope, [.. FailedIn(failures, unchanged.Select(id))], FailedFingerprint, ct);
                Failures.AddRange(failures);
                DayOnly += unchanged.Count;
            }

            Removed += gone.Count;
            await writer.InsertDeadlinesAsync(deadlines, ct);
            Written += deadlines.Count;
            phases.Stop(Phase.Write, started);
        }

        /// <summary>A rule's failure on a case belongs to that case's partition; one without a case to every partition judged with it.</summary>
        private static HashSet<string> FailedIn(List<RuleFailure> failures, IEnumerable<string> judged) =>
            failures.Count == 0 ? []
            : failures.Any(f => f.CaseId is null) ? judged.ToHashSet(StringComparer.Ordinal)
            : failures.Select(f => f.CaseId!).ToHashSet(StringComparer.Ordinal);

        /// <summary>The fingerprints of the last scan, in the order the partitions come (none after a full reset).</summary>
        private async Task<RowCursor<DeadlineRows.StoredFingerprint>?> StoredAsync(RuleScope scope, CancellationToken ct) =>
            full ? null : _stored ??= await snapshot.StreamAsync<DeadlineRows.StoredFingerprint>(
                $"SELECT partition_id, fingerprint FROM deadline_partitions WHERE scope = @scope ORDER BY {snapshot.Dialect.OrdinalOrder("partition_id")}",
                new { scope = DeadlineRows.Code(scope) }, r => r.PartitionId, ct);

        /// <summary>Stored partitions after the last one read no longer exist.</summary>
        public async Task EndScopeAsync(RuleScope scope, CancellationToken ct)
        {
            if (await StoredAsync(scope, ct) is not null)
            {
                var gone = new List<string>();
                while (_stored!.HasRow)
                {
                    gone.Add(_stored.Key);
                    await _stored.MoveNextAsync(ct);
                }

                await writer.DeletePartitionsAsync(scope, gone, ct);
                Removed += gone.Count;
                await _stored.DisposeAsync();
                _stored = null;
            }
        }
    }
}
