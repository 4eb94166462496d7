using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using QeV.Demo.Synthetic;

namespace QeV.Worker.Store.Bulk;

/// <summary>
/// Appends many rows of one table inside the caller's transaction, the fastest way each engine offers: prepared
/// statements on SQLite (in-process, one row per call costs microseconds), binary COPY on PostgreSQL.
/// </summary>
public abstract class BulkInserter
{
    public static BulkInserter Create(DbConnection connection, DbTransaction tx) => connection switch
    {
        SqliteConnection sqlite => new SqliteBulkInserter(sqlite, (SqliteTransaction)tx),
        NpgsqlConnection npgsql => new PostgresBulkInserter(npgsql),
        _ => throw new NotSupportedException($"Kein Massenimport für {connection.GetType().Name}."),
    };

    public abstract Task InsertAsync(BulkTable table, IReadOnlyList<object?[]> rows, CancellationToken ct);
}
