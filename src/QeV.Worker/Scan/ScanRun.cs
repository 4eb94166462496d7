using QeV.Domain.Facts;
using QeV.Domain.Partitions;
using QeV.Domain.Rules;
using QeV.Worker.Store.Partitions;
using Phase = QeV.Worker.Scan.DeadlineScanner.Phase;

namespace QeV.Worker.Scan;

/// <summary>
/// The state of one scan (or of one range of a shared scan) while it walks the partitions in key order: compares each
/// partition's fingerprint with the stored one, re-evaluates the changed ones, re-runs the day-dependent rules of the
/// others on a new day, and removes stored partitions that no longer exist.
/// </summary>
internal sealed class ScanRun
{
    /// <summary>Never the fingerprint of any facts: a partition a rule failed on is judged again by the next scan.</summary>
    public const string FailedFingerprint = "failed";

    private readonly PartitionEvaluator _evaluator;
    private readonly ScanPhases _phases;
    private readonly DeadlineTableWriter _writer;
    private readonly ReadSnapshot _snapshot;
    private readonly bool _cleared;
    private readonly bool _all;
    private readonly KeyRange? _range;
    private RowCursor<DeadlineRows.StoredFingerprint>? _stored;

    /// <param name="cleared">The table was emptied for this scan: nothing stored to compare with or delete.</param>
    /// <param name="all">Every partition counts as changed (a full scan that replaces partition by partition).</param>
    /// <param name="range">Only these partitions (a shared scan's range); null: all.</param>
    public ScanRun(
        PartitionEvaluator evaluator, ScanPhases phases, DeadlineTableWriter writer, ReadSnapshot snapshot, RuleContext context,
        bool cleared, bool all, bool dayChanged, KeyRange? range)
    {
        _evaluator = evaluator;
        _phases = phases;
        _writer = writer;
        _snapshot = snapshot;
        Context = context;
        _cleared = cleared;
        _all = all;
        DayChanged = dayChanged;
        _range = range;
    }

    public RuleContext Context { get; }

    /// <summary>Only the changed partitions are read (<see cref="PartitionReader.ChangedOnly"/>): compare with their stored fingerprints only.</summary>
    public bool ChangedOnly { get; init; }

    public bool DayChanged { get; }

    public static List<string> DayRules(PartitionEvaluator evaluator, RuleScope scope) =>
        evaluator.Rules.Where(r => RuleScopes.ScopeOf(r.Id) == scope && RuleScopes.IsDayDependent(r.Id)).Select(r => r.Id).ToList();

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
        var changed = new List<TPartition>();
        var unchanged = new List<TPartition>();
        var fingerprints = new List<(string Id, string Fingerprint)>();
        var gone = new List<string>();
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

            if (!_all && before == print)
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
        _phases.Stop(Phase.Fingerprint, started);
        started = ScanPhases.Start();
        // Only this scope's rules can become present through its partitions; the others are judged where their data is.
        if (!_evaluator.Rules.Where(r => RuleScopes.ScopeOf(r.Id) == scope).All(r => Present.Contains(r.Id)))
        {
            Present.UnionWith(_evaluator.PresentIn(facts(batch)));
        }

        var deadlines = new List<PartitionDeadline>();
        if (changed.Count > 0)
        {
            var failures = new List<RuleFailure>();
            deadlines.AddRange(_evaluator.Evaluate(scope, facts(changed), Context, failures));
            _phases.Stop(Phase.Evaluate, started);
            started = ScanPhases.Start();
            if (!_cleared)
            {
                await _writer.DeletePartitionsAsync(scope, [.. changed.Select(id), .. gone], ct);
            }

            var failed = FailedIn(failures, changed.Select(id));
            await _writer.InsertFingerprintsAsync(
                scope, fingerprints.Select(f => failed.Contains(f.Id) ? (f.Id, FailedFingerprint) : f).ToList(), ct);
            Failures.AddRange(failures);
            Evaluated += changed.Count;
            if (Changed is not null)
            {
                var code = DeadlineRows.Code(scope);
                foreach (var partition in changed)
                {
                    Changed.Add(DeadlineScanner.PartitionKey(code, id(partition)));
                }
            }

            _phases.Stop(Phase.Write, started);
            started = ScanPhases.Start();
        }
        else if (gone.Count > 0)
        {
            await _writer.DeletePartitionsAsync(scope, gone, ct);
        }

        _phases.Stop(Phase.Evaluate, started);
        started = ScanPhases.Start();
        if (DayChanged && !_cleared && unchanged.Count > 0 && DayRules(_evaluator, scope).Count > 0)
        {
            var failures = new List<RuleFailure>();
            deadlines.AddRange(_evaluator.Evaluate(scope, facts(unchanged), Context, failures, dayDependentOnly: true));
            _phases.Stop(Phase.Evaluate, started);
            started = ScanPhases.Start();
            await _writer.MarkFailedAsync(scope, [.. FailedIn(failures, unchanged.Select(id))], FailedFingerprint, ct);
            Failures.AddRange(failures);
            DayOnly += unchanged.Count;
        }

        Removed += gone.Count;
        await _writer.InsertDeadlinesAsync(deadlines, ct);
        Written += deadlines.Count;
        _phases.Stop(Phase.Write, started);
    }

    /// <summary>Stored partitions after the last one read (in the range) no longer exist.</summary>
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

            await _writer.DeletePartitionsAsync(scope, gone, ct);
            Removed += gone.Count;
            await _stored.DisposeAsync();
            _stored = null;
        }
    }

    /// <summary>A rule's failure on a case belongs to that case's partition; one without a case to every partition judged with it.</summary>
    private static HashSet<string> FailedIn(List<RuleFailure> failures, IEnumerable<string> judged) =>
        failures.Count == 0 ? []
        : failures.Any(f => f.CaseId is null) ? judged.ToHashSet(StringComparer.Ordinal)
        : failures.Select(f => f.CaseId!).ToHashSet(StringComparer.Ordinal);

    /// <summary>The fingerprints of the last scan, in the order the partitions come (none after a full reset).</summary>
    private async Task<RowCursor<DeadlineRows.StoredFingerprint>?> StoredAsync(RuleScope scope, CancellationToken ct)
    {
        if (_cleared)
        {
            return null;
        }

        if (_stored is null)
        {
            var d = _snapshot.Dialect;
            var order = $" ORDER BY {d.OrdinalOrder("partition_id")}";
            var code = DeadlineRows.Code(scope);
            _stored = ChangedOnly
                ? await _snapshot.StreamAsync<DeadlineRows.StoredFingerprint>(
                    $"SELECT partition_id, fingerprint FROM deadline_partitions WHERE scope = @scope AND partition_id IN ({PartitionChanges.KeysOfScope})" + order,
                    new { scope = code }, r => r.PartitionId, ct)
                : _range is null
                ? await _snapshot.StreamAsync<DeadlineRows.StoredFingerprint>(
                    "SELECT partition_id, fingerprint FROM deadline_partitions WHERE scope = @scope" + order, new { scope = code }, r => r.PartitionId, ct)
                : await _snapshot.StreamAsync<DeadlineRows.StoredFingerprint>(
                    $"SELECT partition_id, fingerprint FROM deadline_partitions WHERE scope = @scope AND {KeyRange.Condition("partition_id", d)}" + order,
                    new { scope = code, after = _range.AfterValue, last = _range.LastValue }, r => r.PartitionId, ct);
        }

        return _stored;
    }
}
