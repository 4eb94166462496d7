using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;

namespace QeV.Worker.Store;

/// <summary>
/// A long ordered read on SQLite that the caller writes beside, page by page, without one read staying open meanwhile:
/// a reader holds the write-ahead log, which then cannot start over, so every page the caller writes is appended to it
/// and each later read searches a log that grows with the whole run (1.4 GB in the digests of a million cases, 23 GB
/// for a quarter of a million's first scan). The rows' order is taken once into a temporary table of this connection
/// (SQLite's temporary file, not the log), and the rows are read from it a page at a time, each page whole before it is
/// handed out.
/// </summary>
internal static class TempOrder
{
    /// <summary>
    /// Fills temp.<paramref name="name"/> (n, row_id, tag) by <paramref name="fill"/>, a SELECT of the rowids and a tag
    /// to keep with each (what it is ordered by, so that a write in between cannot reorder it; or NULL) in order, then
    /// reads it by <paramref name="page"/>, which joins temp.<paramref name="name"/> o on o.row_id, must select rows with
    /// o.n between @after (excluded) and @last and order them by o.n. The temporary table is dropped at the end.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        DbConnection connection, string name, string fill, string page, object parameters, int pageSize, [EnumeratorCancellation] CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            $"DROP TABLE IF EXISTS temp.{name}; CREATE TEMP TABLE {name} (n INTEGER PRIMARY KEY, row_id INTEGER NOT NULL, tag TEXT)", cancellationToken: ct));
        try
        {
            var count = await connection.ExecuteAsync(new CommandDefinition($"INSERT INTO temp.{name} (row_id, tag) " + fill, parameters, cancellationToken: ct));
            for (var after = 0L; after < count; after += pageSize)
            {
                var values = new DynamicParameters(parameters);
                values.Add("after", after);
                values.Add("last", after + pageSize);
                foreach (var row in await connection.QueryAsync<T>(new CommandDefinition(page, values, cancellationToken: ct)))
                {
                    yield return row;
                }
            }
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition($"DROP TABLE IF EXISTS temp.{name}", cancellationToken: CancellationToken.None));
        }
    }
}
