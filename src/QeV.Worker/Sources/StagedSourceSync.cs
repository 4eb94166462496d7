using System.Data.Common;
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
    private readonly Dictionary<string, StagedEntity> _staged = new(StringComparer.Ordinal);

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
            $"CREATE TEMP TABLE {keep.Name} ({string.Join(", ", spec.KeyColumns.Select(k => $"{k} {SourceStageRows.Placeholder(spec, k)}"))})"), ct);

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
                if (SourceStageRows.Row(spec, sourceName, record, read, orders, problems, kept) is { } staged)
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
        _staged[spec.Table] = new StagedEntity(stage, keep.Name, sourceName, full);
        return (read, null);
    }

    /// <summary>
    /// Duplicates (the first row stays), then references in rounds: a row whose reference dangles is reported and
    /// leaves the stage, so in the next round rows pointing at it do too. Returns the good rows per staged entity.
    /// </summary>
    public async Task<Dictionary<string, int>> CheckAsync(List<SourceProblem> problems, CancellationToken ct)
    {
        var checks = new SourceStageChecks(_connection, _tx, _staged);
        foreach (var staged in _staged.Values)
        {
            await checks.DuplicatesAsync(staged, problems, ct);
        }

        for (var round = 0; round <= _staged.Count; round++)
        {
            var found = 0;
            foreach (var staged in _staged.Values)
            {
                foreach (var column in staged.Stage.Spec.Columns.Where(c => c.References is not null))
                {
                    found += await checks.DanglingAsync(staged, column, problems, ct);
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
                    $"DELETE FROM {table} WHERE NOT EXISTS (SELECT 1 FROM {staged.Stage.Name} s WHERE {SourceStageChecks.KeyMatch(spec, "s", table)}) "
                    + $"AND NOT EXISTS (SELECT 1 FROM {staged.Keep} k WHERE {SourceStageChecks.KeyMatch(spec, "k", table)})", ct);
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

    private async Task DropAsync(ImportStage stage, string keep, CancellationToken ct)
    {
        await stage.DropAsync(_connection, _tx, ct);
        await ExecuteAsync($"DROP TABLE IF EXISTS {keep}", ct);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct) =>
        await _connection.ExecuteAsync(new CommandDefinition(sql, transaction: _tx, commandTimeout: 0, cancellationToken: ct));

}
