using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace QeV.Worker.Store;

/// <summary>
/// A larger page cache on SQLite for the length of one large write (a scan's refresh, a batch of owed notices, the
/// stage dates of a batch), set back afterwards so the pooled connection gives the memory up again. With SQLite's
/// default of 2 MB, the pages such a write changes no longer fit: they are written to the write-ahead log before the
/// commit and again when changed once more (a full scan of 20,000 cases wrote 10 GB for a 580 MB file; with this
/// cache 2.7 GB). PostgreSQL needs nothing.
/// </summary>
public sealed class WriteCache : IAsyncDisposable
{
    /// <summary>In KiB; what one write may hold on top of the lookups and a batch.</summary>
    public const long SizeKib = 32 * 1024;

    private readonly DbConnection _connection;
    private readonly long _before;

    private WriteCache(DbConnection connection, long before)
    {
        _connection = connection;
        _before = before;
    }

    public static async Task<WriteCache?> BeginAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        if (connection is not SqliteConnection)
        {
            return null;
        }

        var before = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA cache_size", transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition($"PRAGMA cache_size = -{SizeKib}", transaction: tx, cancellationToken: ct));
        return new WriteCache(connection, before);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State == System.Data.ConnectionState.Open)
        {
            // A value read from the connection itself; PRAGMA takes no parameters.
            await _connection.ExecuteAsync(new CommandDefinition($"PRAGMA cache_size = {_before}", cancellationToken: CancellationToken.None));
        }
    }
}
