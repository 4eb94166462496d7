using System.Data.Common;
using Dapper;
using Npgsql;
using QeV.Domain.Tables;
using QeV.Worker.Import;
using QeV.Worker.Store;

namespace QeV.Worker.Sources;

/// <summary>
/// The last good facts of the mapped entities, kept in the worker's own store: a good read replaces the entity's rows in
/// its own table (as an import would have written them) and records the read in source_reads, in one transaction; a
/// failed read leaves the rows and records the failure. The scan then reads the store as it always does.
/// </summary>
public sealed class SourceCopy(Database database)
{
    private const long CopyLockKey = StagedSourceSync.CopyLockKey;

    /// <summary>One entity of a good read: its valid rows, all of them (<paramref name="Full"/>) or only the changed ones.</summary>
    public Database Database => database;

    public sealed record Replacement(TableSpec Spec, string SourceName, IReadOnlyList<ImportRow> Rows, bool Full);

    public async Task<IReadOnlyDictionary<string, SourceRead>> ReadsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<SourceReadRow>(new CommandDefinition(
            "SELECT entity, source_name, good_at, full_at, as_of, row_count, failed_at, failure FROM source_reads", cancellationToken: ct));
        return rows.Select(r => r.ToRead()).ToDictionary(r => r.Entity, StringComparer.Ordinal);
    }

    /// <summary>The keys of every table of the import contract, as the import loads them for its reference checks.</summary>
    public Task<IReadOnlyDictionary<string, HashSet<string>>> KeysAsync(CancellationToken ct) => new ImportWriter(database).LoadKeysAsync(ct);

    /// <summary>Writes the rows of a good read and its time, all entities in one transaction.</summary>
    public async Task ReplaceAsync(IReadOnlyList<Replacement> replacements, DateTimeOffset at, DateOnly asOf, CancellationToken ct)
    {
        if (replacements.Count == 0)
        {
            return;
        }

        var dialect = database.Dialect;
        var before = await ReadsAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await dialect.BeginWriteAsync(connection, ct);
        if (connection is NpgsqlConnection)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = CopyLockKey }, tx, cancellationToken: ct));
        }

        foreach (var replacement in replacements)
        {
            var spec = replacement.Spec;
            if (replacement.Full)
            {
                // Identifiers come from the fixed catalogue, never from a source.
                await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {spec.Table}", transaction: tx, cancellationToken: ct));
            }

            await UpsertAsync(connection, tx, spec, replacement.Rows, dialect, ct);
            var last = before.GetValueOrDefault(spec.Table);
            var count = replacement.Full ? replacement.Rows.Count : await connection.ExecuteScalarAsync<int>(
                new CommandDefinition($"SELECT COUNT(*) FROM {spec.Table}", transaction: tx, cancellationToken: ct));
            await WriteReadAsync(connection, tx, new SourceRead(
                spec.Table, replacement.SourceName, at, replacement.Full ? at : last?.FullAt ?? at, asOf, count, null, null), ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Records that reading <paramref name="entity"/> failed; its rows in the store stay as they are.</summary>
    public async Task FailedAsync(string entity, string sourceName, DateTimeOffset at, string failure, CancellationToken ct)
    {
        var last = (await ReadsAsync(ct)).GetValueOrDefault(entity);
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await database.Dialect.BeginWriteAsync(connection, ct);
        await WriteReadAsync(connection, tx, new SourceRead(
            entity, sourceName, last?.GoodAt, last?.FullAt, last?.AsOf, last?.RowCount ?? 0, last?.FailedAt ?? at, failure), ct);
        await tx.CommitAsync(ct);
    }

    internal async Task WriteReadAsync(DbConnection connection, DbTransaction tx, SourceRead read, CancellationToken ct)
    {
        var dialect = database.Dialect;
        string[] columns = ["entity", "source_name", "good_at", "full_at", "as_of", "row_count", "failed_at", "failure"];
        var sql = dialect.Upsert("source_reads", columns.Select(c => (c, "@" + c)).ToList(), ["entity"], columns[1..]);
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            entity = read.Entity,
            source_name = read.SourceName,
            good_at = Instant(read.GoodAt),
            full_at = Instant(read.FullAt),
            as_of = read.AsOf,
            row_count = read.RowCount,
            failed_at = Instant(read.FailedAt),
            failure = read.Failure,
        }, tx, cancellationToken: ct));

        object? Instant(DateTimeOffset? value) => value is { } v ? dialect.Instant(v) : null;
    }

    private static async Task UpsertAsync(
        DbConnection connection, DbTransaction tx, TableSpec spec, IReadOnlyList<ImportRow> rows, ISqlDialect dialect, CancellationToken ct)
    {
        var columns = spec.Columns.Select(c => c.Name).ToList();
        var update = columns.Where(c => !spec.KeyColumns.Contains(c)).ToList();
        foreach (var batch in rows.Chunk(dialect.RowsPerStatement(columns.Count)))
        {
            var parameters = new DynamicParameters();
            for (var i = 0; i < batch.Length; i++)
            {
                foreach (var column in columns)
                {
                    parameters.Add($"{column}_{i}", batch[i].Values.GetValueOrDefault(column));
                }
            }

            var sql = dialect.UpsertMany(spec.Table, columns, batch.Length, spec.KeyColumns, update);
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, tx, cancellationToken: ct));
        }
    }

#pragma warning disable CA1812 // instantiated by Dapper
    private sealed class SourceReadRow
    {
        public string Entity { get; set; } = "";
        public string SourceName { get; set; } = "";
        public DateTimeOffset? GoodAt { get; set; }
        public DateTimeOffset? FullAt { get; set; }
        public DateOnly? AsOf { get; set; }
        public long RowCount { get; set; }
        public DateTimeOffset? FailedAt { get; set; }
        public string? Failure { get; set; }

        public SourceRead ToRead() => new(Entity, SourceName, GoodAt, FullAt, AsOf, (int)RowCount, FailedAt, Failure);
    }
#pragma warning restore CA1812
}
