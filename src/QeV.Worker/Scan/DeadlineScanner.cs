using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Facts.Partitions;
using QeV.Domain.Partitions;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
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
    Database database, DeadlineEngine engine, ScanSettings settings, BusinessCalendar calendar, OfficeClock clock, IOptions<RulesOptions> rules)
{
    public const int BatchSize = 2_000;

    // Any fixed number; the same for every instance (the migration lock uses another).
    private const long ScanLockKey = 78_2026_0009;

    public PartitionEvaluator Evaluator { get; } = new(engine.Rules);

    public RuleContext ContextFor(DateOnly asOf) => new(asOf, calendar, clock.DefaultState, rules.Value.Profile);

    public async Task<ScanResult> RefreshAsync(DateOnly asOf, CancellationToken ct)
    {
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
        var settingsFingerprint = settings.Fingerprint();
        var lookupsFingerprint = PartitionFingerprint.Of(lookups);
        var full = state is null || state.SettingsFingerprint != settingsFingerprint || state.LookupsFingerprint != lookupsFingerprint;
        var run = new Run(this, writer, snapshot, ContextFor(asOf), full, full || state!.AsOf != asOf);
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

        await foreach (var batch in reader.CaseBatchesAsync(lookups, BatchSize, ct))
        {
            await run.BatchAsync(RuleScope.Case, batch, p => p.Id, PartitionFingerprint.Of, b => PartitionEvaluator.CaseFacts(lookups, b), ct);
        }

        await run.EndScopeAsync(RuleScope.Case, ct);
        await foreach (var batch in reader.StaffBatchesAsync(lookups, BatchSize, ct))
        {
            await run.BatchAsync(RuleScope.Staff, batch, p => p.Id, PartitionFingerprint.Of, b => PartitionEvaluator.StaffFacts(lookups, b), ct);
        }

        await run.EndScopeAsync(RuleScope.Staff, ct);

        var organisation = PartitionEvaluator.OrganisationFactSet(lookups, await reader.ReadOrganisationFactsAsync(ct));
        run.Present.UnionWith(Evaluator.PresentIn(organisation));
        var organisationDeadlines = Evaluator.Evaluate(RuleScope.Organisation, organisation, run.Context);
        await writer.ClearScopeAsync(RuleScope.Organisation, ct);
        await writer.InsertDeadlinesAsync(organisationDeadlines, ct);
        run.Written += organisationDeadlines.Count;

        await writer.SaveStateAsync(settingsFingerprint, lookupsFingerprint, asOf, run.Present, database.Dialect.Instant(clock.UtcNow), ct);
        await tx.CommitAsync(ct);
        return new ScanResult(asOf, full, run.Partitions, run.Evaluated, run.DayOnly, run.Removed, run.Written, reader.RowsRead,
            run.Present.Order(StringComparer.Ordinal).ToList());
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
            // Only this scope's rules can become present through its partitions; the others are judged where their data is.
            if (!evaluator.Rules.Where(r => RuleScopes.ScopeOf(r.Id) == scope).All(r => Present.Contains(r.Id)))
            {
                Present.UnionWith(evaluator.PresentIn(facts(batch)));
            }

            var deadlines = new List<PartitionDeadline>();
            if (changed.Count > 0)
            {
                deadlines.AddRange(evaluator.Evaluate(scope, facts(changed), context));
                if (!full)
                {
                    await writer.DeletePartitionsAsync(scope, [.. changed.Select(id), .. gone], ct);
                }

                await writer.InsertFingerprintsAsync(scope, fingerprints, ct);
                Evaluated += changed.Count;
            }
            else if (gone.Count > 0)
            {
                await writer.DeletePartitionsAsync(scope, gone, ct);
            }

            if (dayChanged && !full && unchanged.Count > 0 && DayRules(scope).Count > 0)
            {
                deadlines.AddRange(evaluator.Evaluate(scope, facts(unchanged), context, dayDependentOnly: true));
                DayOnly += unchanged.Count;
            }

            Removed += gone.Count;
            await writer.InsertDeadlinesAsync(deadlines, ct);
            Written += deadlines.Count;
        }

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
