using System.Text.Json;
using QeV.Domain.Facts.Partitions;
using QeV.Domain.Partitions;
using QeV.Domain.Rules;
using QeV.Worker.Store;
using QeV.Worker.Store.Partitions;

namespace QeV.Worker.Scan;

/// <summary>
/// The end of a shared scan's generation, in one transaction with the generation's row locked, by whichever instance
/// finds every range done first (a second waits on the lock, then finds it done): the organisation-wide rules over
/// all cases' counts, the scan state (present rules, fingerprints, the planning mark) and the generation marked done.
/// A finisher killed half-way leaves it running with every range done; the next instance finishes it.
/// </summary>
internal sealed class ScanFinish(Database database, ScanGenerations generations, DeadlineScanner scanner, ScanPhases phases, TimeProvider time)
{
    /// <summary>Saved instead of the lookups' fingerprint when a range read other lookups than the generation's start: the next scan is full.</summary>
    private const string LookupsChanged = "changed during the scan";

    public async Task FinishAsync(ScanGenerations.GenerationRow generation, IReadOnlyList<ScanGenerations.RangeRow> ranges, CancellationToken ct)
    {
        var started = ScanPhases.Start();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        if (await ScanGenerations.LockStateAsync(connection, tx, generation.GenerationId, ct) != ScanGenerations.Running
            || (await ScanGenerations.RangesAsync(connection, tx, generation.GenerationId, ct)).Any(r => r.State != ScanGenerations.Done))
        {
            return;
        }

        await using var snapshot = await ReadSnapshot.OpenAsync(database, ct);
        var reader = new PartitionReader(snapshot);
        var lookups = await reader.ReadLookupsAsync(ct);
        var counts = await reader.CaseCountsAsync(lookups, ct);
        var organisation = PartitionEvaluator.OrganisationFactSet(lookups, await reader.ReadOrganisationFactsAsync(counts, ct));
        phases.Stop(DeadlineScanner.Phase.Read, started);
        started = ScanPhases.Start();
        var context = scanner.ContextFor(generation.AsOf);
        var present = ranges.SelectMany(r => Split(r.PresentRules)).ToHashSet(StringComparer.Ordinal);
        present.UnionWith(scanner.Evaluator.PresentIn(organisation));
        var failures = new List<RuleFailure>();
        var deadlines = scanner.Evaluator.Evaluate(RuleScope.Organisation, organisation, context, failures);
        phases.Stop(DeadlineScanner.Phase.Evaluate, started);
        started = ScanPhases.Start();
        var writer = new DeadlineTableWriter(connection, tx);
        await writer.ClearScopeAsync(RuleScope.Organisation, ct);
        await writer.InsertDeadlinesAsync(deadlines, ct);
        var lookupsFingerprint = ranges.All(r => r.LookupsFingerprint == generation.LookupsFingerprint) ? generation.LookupsFingerprint : LookupsChanged;
        var keepMark = generation.Planned && ranges.All(r => Changed(r).Count == 0);
        var now = time.GetUtcNow();
        await writer.SaveStateAsync(generation.SettingsFingerprint, lookupsFingerprint, generation.AsOf, present, database.Dialect.Instant(now),
            generation.GenerationId, keepMark ? generation.AsOf : null, keepMark ? generation.PlanningFingerprint : null,
            Trusted(generation, ranges, failures, lookupsFingerprint) ? generation.FactsVersion : null, ct);
        // The generation judged the facts up to the counter it started with; later keys stay for the next scan.
        if (generation.FactsVersion is { } version)
        {
            await PartitionChanges.ClearAsync(database.Dialect, connection, tx, FactsVersion.SeqOf(version), ct);
        }

        await generations.FinishAsync(connection, tx, generation.GenerationId, deadlines.Count,
            string.Join(",", present.Order(StringComparer.Ordinal)), JsonSerializer.Serialize(failures), now, ct);
        await tx.CommitAsync(ct);
        phases.Stop(DeadlineScanner.Phase.Write, started);
    }

    /// <summary>What the whole generation did, the same for every instance that took part or waited for it.</summary>
    public static async Task<ScanResult> ResultAsync(ScanGenerations generations, ScanGenerations.GenerationRow done, CancellationToken ct)
    {
        var ranges = await generations.RangesAsync(done.GenerationId, ct);
        var failures = ranges.SelectMany(r => Failures(r.Failures)).Concat(Failures(done.Failures)).ToList();
        return new ScanResult(done.AsOf, done.FullRefresh, ranges.Sum(r => r.Partitions), ranges.Sum(r => r.Evaluated), ranges.Sum(r => r.DayOnly),
            ranges.Sum(r => r.Removed), ranges.Sum(r => r.Written) + (done.Written ?? 0), 0, Split(done.PresentRules).Order(StringComparer.Ordinal).ToList())
        {
            Failures = failures,
            RefreshToken = done.GenerationId,
            PlanningFingerprint = done.PlanningFingerprint,
            ChangedPartitions = done.Planned ? ranges.SelectMany(Changed).ToHashSet(StringComparer.Ordinal) : null,
            Shared = true,
        };
    }

    /// <summary>The version taken at the generation's start holds when no range or organisation rule failed and the lookups stayed.</summary>
    private static bool Trusted(ScanGenerations.GenerationRow generation, IReadOnlyList<ScanGenerations.RangeRow> ranges, List<RuleFailure> failures, string lookups) =>
        failures.Count == 0 && lookups == generation.LookupsFingerprint && ranges.All(r => Failures(r.Failures).Count == 0);

    private static string[] Split(string? rules) => string.IsNullOrEmpty(rules) ? [] : rules.Split(',');

    private static List<string> Changed(ScanGenerations.RangeRow range) =>
        range.Changed is null ? [] : JsonSerializer.Deserialize<List<string>>(range.Changed) ?? [];

    private static List<RuleFailure> Failures(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<RuleFailure>>(json) ?? [];
}
