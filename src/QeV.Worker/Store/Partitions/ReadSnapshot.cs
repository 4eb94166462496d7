using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace QeV.Worker.Store.Partitions;

/// <summary>
/// Several forward-only queries over one consistent snapshot. SQLite steps many statements on one connection inside one
/// read transaction; PostgreSQL allows one active query per connection, so each stream gets a connection of its own that
/// imports the snapshot the first one exported (SET TRANSACTION SNAPSHOT).
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly Database _database;
    private readonly DbConnection _main;
    private readonly DbTransaction _tx;
    private readonly string? _snapshotId;
    private readonly List<(DbConnection Connection, DbTransaction Tx)> _extra = [];

    private ReadSnapshot(Database database, DbConnection main, DbTransaction tx, string? snapshotId)
    {
        _database = database;
        _main = main;
        _tx = tx;
        _snapshotId = snapshotId;
    }

    public static async Task<ReadSnapshot> OpenAsync(Database database, CancellationToken ct)
    {
        var connection = await database.OpenAsync(ct);
        try
        {
            if (connection is NpgsqlConnection)
            {
                var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
                var id = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT pg_export_snapshot()", transaction: tx, cancellationToken: ct));
                return new ReadSnapshot(database, connection, tx, id);
            }

            // Deferred: a read transaction that takes no write lock, so the scan's own writer (BEGIN IMMEDIATE) is not blocked.
            var sqliteTx = ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: true);
            return new ReadSnapshot(database, connection, sqliteTx, null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ISqlDialect Dialect => _database.Dialect;

    /// <summary>A small query read whole (lookups, the organisation-wide tables).</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken ct) =>
        (await _main.QueryAsync<T>(new CommandDefinition(sql, parameters, _tx, cancellationToken: ct))).ToList();

    /// <summary>A forward-only stream of <typeparamref name="T"/>; <paramref name="key"/> is the partition key of each row.</summary>
    public async Task<RowCursor<T>> StreamAsync<T>(string sql, object? parameters, Func<T, string> key, CancellationToken ct)
    {
        var (command, reader) = await OpenReaderAsync(sql, parameters, ct);
        var stream = new RowCursor<T>(command, reader, key);
        await stream.MoveNextAsync(ct);
        return stream;
    }

    /// <summary>A plain data reader in the snapshot; the caller disposes reader and command.</summary>
    public async Task<(DbCommand Command, DbDataReader Reader)> OpenReaderAsync(string sql, object? parameters, CancellationToken ct)
    {
        var (connection, tx) = await ConnectionForStreamAsync(ct);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        if (parameters is not null)
        {
            foreach (var property in parameters.GetType().GetProperties())
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + property.Name;
                parameter.Value = property.GetValue(parameters) ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
        }

        return (command, await command.ExecuteReaderAsync(CommandBehavior.Default, ct));
    }

    private async Task<(DbConnection, DbTransaction)> ConnectionForStreamAsync(CancellationToken ct)
    {
        if (_snapshotId is null)
        {
            return (_main, _tx);
        }

        var connection = await _database.OpenAsync(ct);
        var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        // The snapshot id is PostgreSQL's own output, not input; SET TRANSACTION SNAPSHOT takes no parameter.
        await connection.ExecuteAsync(new CommandDefinition($"SET TRANSACTION SNAPSHOT '{_snapshotId.Replace("'", "", StringComparison.Ordinal)}'", transaction: tx, cancellationToken: ct));
        _extra.Add((connection, tx));
        return (connection, tx);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (connection, tx) in _extra)
        {
            await tx.DisposeAsync();
            await connection.DisposeAsync();
        }

        await _tx.DisposeAsync();
        await _main.DisposeAsync();
    }
}
