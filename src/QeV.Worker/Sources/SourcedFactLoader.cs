using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QeV.Domain.Facts;
using QeV.Domain.Tables;
using QeV.Worker.Import;
using QeV.Worker.Office;
using QeV.Worker.Store;

namespace QeV.Worker.Sources;

/// <summary>
/// Reads each mapped entity from its source, validates the rows as the import validates them, leaves bad rows out and
/// reports them, and keeps the good ones as the entity's rows in the worker's own store (<see cref="SourceCopy"/>): the
/// scan then reads the store through its partitioned, incremental path. A source that cannot be read keeps the rows of
/// its last good read, persisted, so a restart while it is down still has them.
/// </summary>
public sealed class SourcedFactLoader(
    FactStore store, SourceCopy copy, IFactSource source, OfficeClock clock, IOptions<SourcesOptions> options,
    ILogger<SourcedFactLoader> logger) : IDisposable
{
    // Rows fetched again shortly after overlap the previous read: a change column may lag its commit.
    private static readonly TimeSpan ChangeOverlap = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public SourceHealth Health { get; private set; } = SourceHealth.None;

    /// <summary>The store's facts after <see cref="SyncAsync"/>: the mapped entities as last read well.</summary>
    public async Task<FactSet> LoadAsync(DateOnly asOf, CancellationToken ct)
    {
        await SyncAsync(asOf, ct);
        return await store.LoadAsync(ct);
    }

    /// <param name="asOf">The scan's day, the query's @asOf.</param>
    /// <param name="ct">Cancels the reads.</param>
    /// <param name="check">
    /// For `sources check`: nothing is written, and a source without an earlier good read counts as empty and is
    /// reported, instead of stopping.
    /// </param>
    public async Task<SourceHealth> SyncAsync(DateOnly asOf, CancellationToken ct, bool check = false)
    {
        var mapped = ImportCatalog.Tables.Where(t => source.Maps(t.Table)).ToList();
        if (mapped.Count == 0)
        {
            return Health = SourceHealth.None;
        }

        await _gate.WaitAsync(ct);
        try
        {
            var reads = await copy.ReadsAsync(ct);
            var problems = new List<SourceProblem>();
            var kept = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            var failures = new List<(TableSpec Spec, string Source, string Reason, string Detail, DateTimeOffset? Since)>();
            var counts = new Dictionary<string, (int Read, int Valid)>(StringComparer.Ordinal);
            var now = clock.UtcNow;
            var sync = copy.Database.Dialect is SqlServerDialect ? null : await StagedSourceSync.BeginAsync(copy.Database, ct);
            var inMemory = sync is null ? new InMemorySourceSync(copy, source) : null;
            try
            {
                var tables = new List<ImportTable>();
                var full = new HashSet<string>(StringComparer.Ordinal);
                foreach (var spec in mapped)
                {
                    var name = source.SourceOf(spec.Table);
                    var last = reads.GetValueOrDefault(spec.Table);
                    var changesOnly = source.ReadsChanges(spec.Table) && last is { GoodAt: not null, FullAt: not null } && last.AsOf == asOf
                        && now - last.FullAt.Value < options.Value.FullReadInterval;
                    var window = new SourceWindow(asOf, changesOnly ? last!.GoodAt!.Value - ChangeOverlap : null);
                    var readProblems = new List<SourceProblem>();
                    Exception? failure = null;
                    if (sync is not null)
                    {
                        // Streamed: one batch of rows in memory at a time, the checks in SQL afterwards.
                        var (read, error) = await sync.StageAsync(
                            spec, name, !changesOnly, source.ReadAsync(spec.Table, window, ct), readProblems, IsSourceFailure, ct);
                        failure = error;
                        counts[spec.Table] = (read, 0);
                    }
                    else
                    {
                        try
                        {
                            var rows = await inMemory!.ReadRowsAsync(spec, name, window, readProblems, ct);
                            tables.Add(new ImportTable(spec, true, rows.Select((r, i) => r.Value with { Line = i + 1 }).ToList()));
                            counts[spec.Table] = (rows.Count, 0);
                        }
                        catch (Exception ex) when (IsSourceFailure(ex) && !ct.IsCancellationRequested)
                        {
                            failure = ex;
                        }
                    }

                    if (failure is null)
                    {
                        problems.AddRange(readProblems);
                        if (!changesOnly)
                        {
                            full.Add(spec.Table);
                        }

                        continue;
                    }

                    counts.Remove(spec.Table);
                    var detail = failure is SourceMappingException ? failure.Message : First(failure);
                    var reason = failure is SourceMappingException ? detail : $"nicht erreichbar ({detail})";
                    if (last?.GoodAt is not { } since)
                    {
                        if (check)
                        {
                            problems.Add(new SourceProblem(name, spec.Table, null, null, reason + "."));
                            kept[spec.Table] = DateTimeOffset.MinValue;
                            continue;
                        }

                        if (sync is not null)
                        {
                            await sync.DisposeAsync();
                            sync = null;
                        }

                        await copy.FailedAsync(spec.Table, name, now, detail, ct);
                        logger.LogError("Quelle {Source} für {Entity}: {Reason}; keine früheren Daten, der Scan bricht ab", name, spec.Table, reason);
                        throw new SourceUnavailableException(
                            $"Quelle {name} für {spec.Table}: {reason}; es gibt keine früher gelesenen Daten, die Fristen bleiben unverändert.", failure);
                    }

                    kept[spec.Table] = since;
                    failures.Add((spec, name, reason, detail, since));
                }

                if (sync is not null)
                {
                    foreach (var (table, valid) in await sync.CheckAsync(problems, ct))
                    {
                        counts[table] = (counts[table].Read, valid);
                    }

                    if (!check)
                    {
                        await sync.WriteAsync(copy, reads, now, asOf, ct);
                    }
                }
                else
                {
                    await inMemory!.WriteAsync(tables, full, problems, counts, now, asOf, check, ct);
                }
            }
            finally
            {
                if (sync is not null)
                {
                    await sync.DisposeAsync();
                }
            }

            if (!check)
            {
                foreach (var failure in failures)
                {
                    await copy.FailedAsync(failure.Spec.Table, failure.Source, now, failure.Detail, ct);
                }
            }

            foreach (var problem in problems.Take(20))
            {
                logger.LogWarning("Datenproblem in einer Quelle: {Problem}", problem.ToString());
            }

            if (problems.Count > 20)
            {
                logger.LogWarning("… und {More} weitere Datenprobleme in den Quellen", problems.Count - 20);
            }

            // One line per source that could not be read, however many of its entities: for the log and the admin report.
            foreach (var down in failures.GroupBy(f => f.Source))
            {
                var since = Local(down.Min(f => f.Since!.Value));
                var entities = string.Join(", ", down.Select(f => f.Spec.Table));
                var reason = down.First().Reason;
                logger.LogWarning("Quelle {Source}: {Reason}; für {Entities} gelten die zuletzt gelesenen Daten vom {Since}", down.Key, reason, entities, since);
                problems.Add(new SourceProblem(down.Key, entities, null, null, $"{reason}; es gelten die zuletzt gelesenen Daten vom {since}."));
            }

            var entityCounts = mapped.Select(spec => kept.ContainsKey(spec.Table)
                ? new SourceEntityCount(spec.Table, source.SourceOf(spec.Table), reads.GetValueOrDefault(spec.Table)?.RowCount ?? 0,
                    reads.GetValueOrDefault(spec.Table)?.RowCount ?? 0, false)
                : new SourceEntityCount(spec.Table, source.SourceOf(spec.Table), counts[spec.Table].Read, counts[spec.Table].Valid, true)).ToList();
            return Health = new SourceHealth(problems, kept, entityCounts);
        }
        finally
        {
            _gate.Release();
        }
    }

    private string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, clock.Zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    private static bool IsSourceFailure(Exception ex) =>
        ex is DbException or TimeoutException or SourceMappingException or System.Net.Sockets.SocketException or IOException
            or InvalidOperationException or OperationCanceledException;

    private static string First(Exception ex) => ex.Message.Split('\n')[0].Trim();

    public void Dispose() => _gate.Dispose();
}
