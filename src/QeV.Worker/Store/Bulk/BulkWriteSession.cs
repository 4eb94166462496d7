using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace QeV.Worker.Store.Bulk;

/// <summary>
/// Settings for one large write transaction on SQLite, restored afterwards: no fsync inside the import (WAL keeps the
/// file consistent; a crash loses only the uncommitted import, which is all-or-nothing anyway) and a larger page
/// cache for the index builds. The pooled connection gets its normal settings back. PostgreSQL needs nothing.
/// </summary>
public sealed class BulkWriteSession : IAsyncDisposable
{
    private const long CacheKib = 64 * 1024;
    private readonly DbConnection _connection;
    private readonly long _synchronous;
    private readonly long _cacheSize;
    private readonly long _tempCacheSize;

    private BulkWriteSession(DbConnection connection, long synchronous, long cacheSize, long tempCacheSize)
    {
        _connection = connection;
        _synchronous = synchronous;
        _cacheSize = cacheSize;
        _tempCacheSize = tempCacheSize;
    }

    /// <summary>
    /// What a long write reports before its commit, which can take a while without a line of its own: on SQLite the
    /// commit also copies the write-ahead log into the file (45 s for the 3.9 GB of a million generated cases here).
    /// </summary>
    public static string CommitNote(TimeSpan elapsed) =>
        string.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"),
            $"Alle Zeilen geschrieben ({elapsed.TotalSeconds:F0} s); die Transaktion wird abgeschlossen und in die Datenbank übernommen, bei großen Mengen kann das eine Minute dauern …");

    public static async Task<BulkWriteSession?> BeginAsync(DbConnection connection, CancellationToken ct)
    {
        if (connection is not SqliteConnection)
        {
            return null;
        }

        var synchronous = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA synchronous", cancellationToken: ct));
        var cacheSize = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA cache_size", cancellationToken: ct));
        var tempCacheSize = await connection.ExecuteScalarAsync<long>(new CommandDefinition("PRAGMA temp.cache_size", cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            $"PRAGMA synchronous = OFF; PRAGMA cache_size = -{CacheKib}; PRAGMA temp.cache_size = -{CacheKib};", cancellationToken: ct));
        return new BulkWriteSession(connection, synchronous, cacheSize, tempCacheSize);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State == System.Data.ConnectionState.Open)
        {
            // Values read from the connection itself; PRAGMA takes no parameters.
            await _connection.ExecuteAsync(new CommandDefinition(
                $"PRAGMA synchronous = {_synchronous}; PRAGMA cache_size = {_cacheSize}; PRAGMA temp.cache_size = {_tempCacheSize};",
                cancellationToken: CancellationToken.None));
        }
    }
}
