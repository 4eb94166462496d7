using System.Data.Common;
using System.Globalization;
using Dapper;
using Npgsql;
using QeV.Domain.Tables;
using QeV.Worker.Import;
using QeV.Worker.Store;
using QeV.Worker.Store.Bulk;

namespace QeV.Worker.Sources;

/// <summary>
/// One source sync on SQLite and PostgreSQL, in one store transaction: each entity's source rows stream batch by batch
/// into a temporary stage (the import's <see cref="ImportStage"/>: prepared inserts, binary COPY), duplicates and
/// references are checked in SQL against the store and the other stages, bad rows are reported and moved out of the
/// stage (their keys remembered, so their last good version stays in the store), and the rest is upserted, equal rows
/// left alone. A full read then deletes the stored rows the source no longer has.
/// </summary>
public sealed class StagedSourceSync : IAsyncDisposable
{
    // Any fixed number; the same for every instance (the scan and the migrations use others).
    internal const long CopyLockKey = 78_2026_0011;

    private readonly Database _database;
    private readonly DbConnection _connection;
    private readonly BulkWriteSession? _session;
    private readonly DbTransaction _tx;
    private readonly BulkInserter _inserter;
    private readonly Dictionary<string, Staged> _staged = new(StringComparer.Ordinal);

    private StagedSourceSync(Database database, DbConnection connection, BulkWriteSession? session, DbTransaction tx)
    {
        _database = database;
        _connection = connection;
        _session = session;
        _tx = tx;
        _inserter = BulkInserter.Create(connection, tx);
    }

    /// <summary>Rows written to a stage per bulk call; tests set it low to cross batches.</summary>
    internal static int RowsPerBatch { get; set; } = StagedImport.RowsPerBatch;

    public static async Task<StagedSourceSync> BeginAsync(Database database, CancellationToken ct)
    {
        var connection = await database.OpenAsync(ct);
        try
        {
            var session = await BulkWriteSession.BeginAsync(connection, ct);
            var tx = await database.Dialect.BeginWriteAsync(connection, ct);
            if (connection is NpgsqlConnection)
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = CopyLockKey }, tx, cancellationToken: ct));
            }

            return new StagedSourceSync(database, connection, session, tx);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Streams one entity's source rows into its stage. Returns the rows read, or the source's failure (the stage is
    /// then dropped and the store's rows stay). Failures of the store itself are thrown.
    /// </summary>
    public async Task<(int Read, Exception? Failure)> StageAsync(
        TableSpec spec, string sourceName, bool full, IAsyncEnumerable<SourceRecord> records, List<SourceProblem> problems,
        Func<Exception, bool> isSourceFailure, CancellationToken ct)
    {
        var stage = new ImportStage(spec, _database.Dialect);
        var keep = new BulkTable("source_keep_" + spec.Table, spec.KeyColumns.Select(k => (k, stage.BulkTable.Columns.First(c => c.Column == k).Type)).ToList());
        await stage.CreateAsync(_connection, _tx, ct);
        await ExecuteAsync($"DROP TABLE IF EXISTS {keep.Name}", ct);
        await ExecuteAsync(_database.Dialect.Ddl(
            $"CREATE TEMP TABLE {keep.Name} ({string.Join(", ", spec.KeyColumns.Select(k => $"{k} {Placeholder(spec, k)}"))})"), ct);

        var columns = spec.Columns.ToList();
        var orders = ImportValidator.OrderedColumns
            .Where(o => columns.Any(c => c.Name == o.From) && columns.Any(c => c.Name == o.Until)).ToList();
        var batch = new List<object?[]>(RowsPerBatch);
        var kept = new List<object?[]>();
        var read = 0;
        var enumerator = records.GetAsyncEnumerator(ct);
        try
        {
            while (true)
            {
                SourceRecord record;
                try
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        break;
                    }

                    record = enumerator.Current;
                    if (read == 0 && SourceRowParser.MissingColumns(spec, record) is { Count: > 0 } missing)
                    {
                        throw new SourceMappingException(
                            $"der Abfrage fehlen die Spalten {string.Join(", ", missing)} (Sources:Queries:{spec.Table} muss die Spalten des Importformats liefern)");
                    }
                }
                catch (Exception ex) when (isSourceFailure(ex) && !ct.IsCancellationRequested)
                {
                    await DropAsync(stage, keep.Name, ct);
                    return (read, ex);
                }

                read++;
                if (Row(spec, sourceName, record, read, orders, problems, kept) is { } staged)
                {
                    batch.Add(staged);
                }

                if (batch.Count >= RowsPerBatch)
                {
                    await _inserter.InsertAsync(stage.BulkTable, batch, ct);
                    batch = new List<object?[]>(RowsPerBatch);
                }

                if (kept.Count >= RowsPerBatch)
                {
                    await _inserter.InsertAsync(keep, kept, ct);
                    kept = [];
                }
            }
        }
        finally
        {
            await enumerator.DisposeAsync();
        }

        if (batch.Count > 0)
        {
            await _inserter.InsertAsync(stage.BulkTable, batch, ct);
        }

        if (kept.Count > 0)
        {
            await _inserter.InsertAsync(keep, kept, ct);
        }

        await stage.IndexAsync(_connection, _tx, ct);
        await ExecuteAsync($"CREATE INDEX {keep.Name}_key ON {keep.Name} ({string.Join(", ", spec.KeyColumns)})", ct);
        _staged[spec.Table] = new Staged(stage, keep.Name, sourceName, full);
        return (read, null);
    }

    /// <summary>
    /// Duplicates (the first row stays), then references in rounds: a row whose reference dangles is reported and
    /// leaves the stage, so in the next round rows pointing at it do too. Returns the good rows per staged entity.
    /// </summary>
    public async Task<Dictionary<string, int>> CheckAsync(List<SourceProblem> problems, CancellationToken ct)
    {
        foreach (var staged in _staged.Values)
        {
            await DuplicatesAsync(staged, problems, ct);
        }

        for (var round = 0; round <= _staged.Count; round++)
        {
            var found = 0;
            foreach (var staged in _staged.Values)
            {
                foreach (var column in staged.Stage.Spec.Columns.Where(c => c.References is not null))
                {
                    found += await DanglingAsync(staged, column, problems, ct);
                }
            }

            if (found == 0)
            {
                break;
            }
        }

        var good = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (table, staged) in _staged)
        {
            good[table] = await _connection.ExecuteScalarAsync<int>(new CommandDefinition(
                $"SELECT COUNT(*) FROM {staged.Stage.Name}", transaction: _tx, cancellationToken: ct));
        }

        return good;
    }

    /// <summary>
    /// Upserts every stage (equal rows untouched); for a full read deletes the stored rows the source no longer has –
    /// a row the source has but gave bad keeps its stored version. Records each read in source_reads, then commits.
    /// </summary>
    public async Task WriteAsync(SourceCopy copy, IReadOnlyDictionary<string, SourceRead> before, DateTimeOffset at, DateOnly asOf, CancellationToken ct)
    {
        foreach (var (table, staged) in _staged)
        {
            var spec = staged.Stage.Spec;
            if (staged.Full)
            {
                await ExecuteAsync(
                    $"DELETE FROM {table} WHERE NOT EXISTS (SELECT 1 FROM {staged.Stage.Name} s WHERE {KeyMatch(spec, "s", table)}) "
                    + $"AND NOT EXISTS (SELECT 1 FROM {staged.Keep} k WHERE {KeyMatch(spec, "k", table)})", ct);
            }

            await staged.Stage.MergeAsync(_connection, _tx, ct);
            await staged.Stage.DropAsync(_connection, _tx, ct);
            await ExecuteAsync($"DROP TABLE IF EXISTS {staged.Keep}", ct);
            var count = await _connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT COUNT(*) FROM {table}", transaction: _tx, cancellationToken: ct));
            var last = before.GetValueOrDefault(table);
            await copy.WriteReadAsync(_connection, _tx, new SourceRead(
                table, staged.SourceName, at, staged.Full ? at : last?.FullAt ?? at, asOf, count, null, null), ct);
        }

        await _tx.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _tx.DisposeAsync();
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    /// <summary>A parsed row for the stage (line first), or null when a cell or the date order is bad (reported, key kept).</summary>
    private static object?[]? Row(
        TableSpec spec, string sourceName, SourceRecord record, int line, List<(string From, string Until)> orders,
        List<SourceProblem> problems, List<object?[]> kept)
    {
        var parsed = SourceRowParser.Parse(spec, sourceName, record, problems);
        if (parsed is null)
        {
            // The key may still be readable: then the row's last good version stays.
            var keys = new object?[spec.KeyColumns.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                var column = spec.Columns.First(c => c.Name == spec.KeyColumns[i]);
                if (!CellParser.TryParse(column, record.Cells.GetValueOrDefault(column.Name), out var value, out _) || value is null)
                {
                    return null;
                }

                keys[i] = value;
            }

            kept.Add(keys);
            return null;
        }

        foreach (var (from, until) in orders)
        {
            if (ImportValidator.OrderError(spec, line, from, parsed.Date(from), until, parsed.Date(until)) is { } error)
            {
                problems.Add(new SourceProblem(sourceName, spec.Table, parsed.Key(spec.KeyColumns).Replace('\u001f', '/'), error.Column, error.Reason));
                kept.Add(spec.KeyColumns.Select(k => parsed.Values.GetValueOrDefault(k)).ToArray());
                return null;
            }
        }

        var staged = new object?[spec.Columns.Count + 1];
        staged[0] = line;
        var index = 1;
        foreach (var column in spec.Columns)
        {
            staged[index++] = parsed.Values.GetValueOrDefault(column.Name);
        }

        return staged;
    }

    private async Task DuplicatesAsync(Staged staged, List<SourceProblem> problems, CancellationToken ct)
    {
        var spec = staged.Stage.Spec;
        var line = ImportStage.LineColumn;
        var later = $"FROM {staged.Stage.Name} s WHERE EXISTS (SELECT 1 FROM {staged.Stage.Name} f WHERE {KeyMatch(spec, "f", "s")} AND f.{line} < s.{line})";
        var rows = await _connection.QueryAsync(new CommandDefinition(
            $"SELECT {string.Join(", ", spec.KeyColumns.Select(k => "s." + k))} {later} ORDER BY s.{line}", transaction: _tx, cancellationToken: ct));
        foreach (IDictionary<string, object?> row in rows)
        {
            problems.Add(new SourceProblem(staged.SourceName, spec.Table, KeyText(spec, row), spec.KeyColumns[0], "kommt doppelt vor; die erste Zeile gilt."));
        }

        await ExecuteAsync($"DELETE FROM {staged.Stage.Name} WHERE {line} IN (SELECT s.{line} {later})", ct);
    }

    /// <summary>Reports and moves out the staged rows whose <paramref name="column"/> names an id that will not be in the store.</summary>
    private async Task<int> DanglingAsync(Staged staged, ColumnSpec column, List<SourceProblem> problems, CancellationToken ct)
    {
        var spec = staged.Stage.Spec;
        var target = ImportCatalog.Get(column.References!);
        var targetKey = target.KeyColumns[0];
        var inStore = $"EXISTS (SELECT 1 FROM {target.Table} t WHERE t.{targetKey} = s.{column.Name})";
        var known = _staged.TryGetValue(target.Table, out var other)
            ? other.Full
                ? $"EXISTS (SELECT 1 FROM {other.Stage.Name} x WHERE x.{targetKey} = s.{column.Name}) "
                  + $"OR (EXISTS (SELECT 1 FROM {other.Keep} k WHERE k.{targetKey} = s.{column.Name}) AND {inStore})"
                : $"EXISTS (SELECT 1 FROM {other.Stage.Name} x WHERE x.{targetKey} = s.{column.Name}) OR {inStore}"
            : inStore;
        var line = ImportStage.LineColumn;
        var rows = (await _connection.QueryAsync(new CommandDefinition(
            $"SELECT s.{line} AS line, s.{column.Name} AS id, {string.Join(", ", spec.KeyColumns.Select(k => "s." + k))} FROM {staged.Stage.Name} s "
            + $"WHERE s.{column.Name} IS NOT NULL AND NOT ({known}) ORDER BY s.{line}",
            transaction: _tx, cancellationToken: ct))).Cast<IDictionary<string, object?>>().ToList();
        foreach (var row in rows)
        {
            var error = ImportValidator.UnknownReference(spec, Convert.ToInt32(row["line"], CultureInfo.InvariantCulture), column, (string)row["id"]!);
            problems.Add(new SourceProblem(staged.SourceName, spec.Table, KeyText(spec, row), error.Column, error.Reason));
        }

        if (rows.Count > 0)
        {
            var lines = rows.Select(r => new { line = Convert.ToInt32(r["line"], CultureInfo.InvariantCulture) }).ToList();
            var keys = string.Join(", ", spec.KeyColumns);
            await _connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO {staged.Keep} ({keys}) SELECT {keys} FROM {staged.Stage.Name} WHERE {line} = @line", lines, _tx, cancellationToken: ct));
            await _connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {staged.Stage.Name} WHERE {line} = @line", lines, _tx, cancellationToken: ct));
        }

        return rows.Count;
    }

    private async Task DropAsync(ImportStage stage, string keep, CancellationToken ct)
    {
        await stage.DropAsync(_connection, _tx, ct);
        await ExecuteAsync($"DROP TABLE IF EXISTS {keep}", ct);
    }

    private static string KeyText(TableSpec spec, IDictionary<string, object?> row) =>
        string.Join('/', spec.KeyColumns.Select(k => ImportRow.KeyPart(row[k])));

    private static string KeyMatch(TableSpec spec, string left, string right) =>
        string.Join(" AND ", spec.KeyColumns.Select(k => $"{left}.{k} = {right}.{k}"));

    private static string Placeholder(TableSpec spec, string column) => spec.Columns.First(c => c.Name == column).Kind switch
    {
        ColumnKind.Date => "{date}",
        ColumnKind.Bool => "{bool}",
        ColumnKind.Number => "{int}",
        _ => "{text}",
    };

    private async Task ExecuteAsync(string sql, CancellationToken ct) =>
        await _connection.ExecuteAsync(new CommandDefinition(sql, transaction: _tx, commandTimeout: 0, cancellationToken: ct));

    private sealed record Staged(ImportStage Stage, string Keep, string SourceName, bool Full);
}
