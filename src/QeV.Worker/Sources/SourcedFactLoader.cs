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
/// The scan's facts: the worker's own store, with each mapped entity read from its source, validated as the import
/// validates, bad rows left out and reported. A source that cannot be read keeps its last good rows.
/// </summary>
public sealed class SourcedFactLoader(
    FactStore store, IFactSource source, OfficeClock clock, IOptions<SourcesOptions> options, ILogger<SourcedFactLoader> logger)
    : IDisposable
{
    // Rows fetched again shortly after overlap the previous read: a change column may lag its commit.
    private static readonly TimeSpan ChangeOverlap = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, MappedEntity> _lastGood = new(StringComparer.Ordinal);

    public SourceHealth Health { get; private set; } = SourceHealth.None;

    /// <param name="asOf">The scan's day, the query's @asOf.</param>
    /// <param name="ct">Cancels the reads.</param>
    /// <param name="tolerateUnavailable">
    /// For `sources check`: a source without earlier rows counts as empty and is reported, instead of stopping.
    /// </param>
    public async Task<FactSet> LoadAsync(DateOnly asOf, CancellationToken ct, bool tolerateUnavailable = false)
    {
        var facts = await store.LoadAsync(ct);
        var mapped = ImportCatalog.Tables.Where(t => source.Maps(t.Table)).ToList();
        if (mapped.Count == 0)
        {
            return facts;
        }

        await _gate.WaitAsync(ct);
        try
        {
            var problems = new List<SourceProblem>();
            var kept = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            var tables = new List<ImportTable>();
            foreach (var spec in mapped)
            {
                var entity = await ReadAsync(spec, asOf, problems, kept, tolerateUnavailable, ct);
                // Numbered afresh: rows kept from an earlier read and rows of this one may share a result row number.
                var rows = entity.Rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select((r, i) => r.Value with { Line = i + 1 }).ToList();
                tables.Add(new ImportTable(spec, true, rows));
            }

            var storeKeys = FactSetComposer.Keys(facts);
            foreach (var spec in mapped)
            {
                storeKeys.Remove(spec.Table);
            }

            var valid = ValidateAcross(tables, storeKeys, problems);
            Health = new SourceHealth(problems, kept, tables.Select(t => new SourceEntityCount(
                t.Spec.Table, source.SourceOf(t.Spec.Table), t.Rows.Count, valid[t.Spec.Table].Count, !kept.ContainsKey(t.Spec.Table))).ToList());
            foreach (var problem in problems.Take(20))
            {
                logger.LogWarning("Datenproblem in einer Quelle: {Problem}", problem.ToString());
            }

            if (problems.Count > 20)
            {
                logger.LogWarning("… und {More} weitere Datenprobleme in den Quellen", problems.Count - 20);
            }

            return FactSetComposer.Compose(facts, valid);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<MappedEntity> ReadAsync(
        TableSpec spec, DateOnly asOf, List<SourceProblem> problems, Dictionary<string, DateTimeOffset> kept, bool tolerate,
        CancellationToken ct)
    {
        var name = source.SourceOf(spec.Table);
        var now = clock.UtcNow;
        var last = _lastGood.GetValueOrDefault(spec.Table);
        var changesOnly = source.ReadsChanges(spec.Table) && last is not null && last.AsOf == asOf
            && now - last.LastFullReadAt < options.Value.FullReadInterval;
        var window = new SourceWindow(asOf, changesOnly ? last!.ReadAt - ChangeOverlap : null);
        var readProblems = new List<SourceProblem>();
        try
        {
            var rows = await ReadRowsAsync(spec, name, window, readProblems, ct);
            problems.AddRange(readProblems);
            var merged = changesOnly ? new Dictionary<string, ImportRow>(last!.Rows, StringComparer.Ordinal) : [];
            foreach (var (key, row) in rows)
            {
                merged[key] = row;
            }

            var entity = new MappedEntity(merged, now, changesOnly ? last!.LastFullReadAt : now, asOf);
            _lastGood[spec.Table] = entity;
            return entity;
        }
        catch (Exception ex) when (IsSourceFailure(ex) && !ct.IsCancellationRequested)
        {
            var reason = ex is SourceMappingException ? ex.Message : $"nicht erreichbar ({First(ex)})";
            if (last is null && tolerate)
            {
                problems.Add(new SourceProblem(name, spec.Table, null, null, reason + "."));
                kept[spec.Table] = DateTimeOffset.MinValue;
                return new MappedEntity(new Dictionary<string, ImportRow>(), now, now, asOf);
            }

            if (last is null)
            {
                logger.LogError("Quelle {Source} für {Entity}: {Reason}; keine früheren Daten, der Scan bricht ab", name, spec.Table, reason);
                throw new SourceUnavailableException(
                    $"Quelle {name} für {spec.Table}: {reason}; es gibt keine früher gelesenen Daten, die Fristen bleiben unverändert.", ex);
            }

            var since = last.ReadAt.ToOffset(clock.Zone.GetUtcOffset(last.ReadAt)).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
            logger.LogWarning("Quelle {Source} für {Entity}: {Reason}; es gelten die zuletzt gelesenen Daten vom {Since}", name, spec.Table, reason, since);
            problems.Add(new SourceProblem(name, spec.Table, null, null, $"{reason}; es gelten die zuletzt gelesenen Daten vom {since}."));
            kept[spec.Table] = last.ReadAt;
            return last;
        }
    }

    private async Task<List<KeyValuePair<string, ImportRow>>> ReadRowsAsync(
        TableSpec spec, string name, SourceWindow window, List<SourceProblem> problems, CancellationToken ct)
    {
        var rows = new List<KeyValuePair<string, ImportRow>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        await foreach (var record in source.ReadAsync(spec.Table, window, ct))
        {
            if (first && SourceRowParser.MissingColumns(spec, record) is { Count: > 0 } missing)
            {
                throw new SourceMappingException(
                    $"der Abfrage fehlen die Spalten {string.Join(", ", missing)} (Sources:Queries:{spec.Table} muss die Spalten des Importformats liefern)");
            }

            first = false;
            if (SourceRowParser.Parse(spec, name, record, problems) is not { } row)
            {
                continue;
            }

            var key = row.Key(spec.KeyColumns);
            if (!seen.Add(key))
            {
                problems.Add(new SourceProblem(name, spec.Table, key.Replace('\u001f', '/'), spec.KeyColumns[0], "kommt doppelt vor; die erste Zeile gilt."));
                continue;
            }

            rows.Add(new(key, row));
        }

        return rows;
    }

    /// <summary>
    /// References and date order as the import checks them; a row that fails is left out, and so, in the next round,
    /// are rows that pointed at it.
    /// </summary>
    private Dictionary<string, IReadOnlyList<ImportRow>> ValidateAcross(
        List<ImportTable> tables, IReadOnlyDictionary<string, HashSet<string>> storeKeys, List<SourceProblem> problems)
    {
        for (var round = 0; round <= tables.Count; round++)
        {
            var errors = new List<ImportError>();
            ImportValidator.Validate(tables, storeKeys, errors);
            if (errors.Count == 0)
            {
                break;
            }

            var bad = errors.Select(e => (e.File, e.Line)).ToHashSet();
            foreach (var error in errors)
            {
                var table = tables.First(t => t.Spec.FileName == error.File);
                var row = table.Rows.First(r => r.Line == error.Line);
                problems.Add(new SourceProblem(source.SourceOf(table.Spec.Table), table.Spec.Table,
                    row.Key(table.Spec.KeyColumns).Replace('\u001f', '/'), error.Column, error.Reason));
            }

            tables = tables.Select(t => t with { Rows = t.Rows.Where(r => !bad.Contains((t.Spec.FileName, r.Line))).ToList() }).ToList();
        }

        return tables.ToDictionary(t => t.Spec.Table, t => t.Rows, StringComparer.Ordinal);
    }

    private static bool IsSourceFailure(Exception ex) =>
        ex is DbException or TimeoutException or SourceMappingException or System.Net.Sockets.SocketException or IOException
            or InvalidOperationException or OperationCanceledException;

    private static string First(Exception ex) => ex.Message.Split('\n')[0].Trim();

    public void Dispose() => _gate.Dispose();
}
