using System.Data.Common;
using Dapper;
namespace QeV.Worker.Store.Partitions;

/// <summary>The keys M019's triggers record in <c>fact_partition_changes</c>: what a scan on the same day has to read.</summary>
public static class PartitionChanges
{
    /// <summary>
    /// More changed partitions than this and a scan reads every partition in key order instead: one forward pass over
    /// each table is then cheaper than looking each one up.
    /// </summary>
    public const int MaxKeyed = 50_000;

    /// <summary>How many keys the snapshot holds, and whether the unkeyed marker is among them.</summary>
    public static async Task<(long Keys, bool Unkeyed)> CountAsync(ReadSnapshot snapshot, CancellationToken ct)
    {
        var rows = await snapshot.QueryAsync<(string Scope, long Keys)>(
            "SELECT scope, COUNT(*) FROM fact_partition_changes GROUP BY scope", null, ct);
        return (rows.Sum(r => r.Keys), rows.Any(r => r.Scope == PartitionKeyedTable.Unkeyed));
    }

    /// <summary>The SQL of the changed keys of one scope (parameter @scope), to filter a partition table by.</summary>
    public const string KeysOfScope = "SELECT partition_id FROM fact_partition_changes WHERE scope = @scope";

    /// <summary>
    /// Deletes the keys a scan judged: those recorded with a counter up to the one it read in its snapshot. A key
    /// recorded again since carries a higher counter and stays for the next scan.
    /// </summary>
    public static Task ClearAsync(ISqlDialect dialect, DbConnection connection, DbTransaction tx, long seq, CancellationToken ct) =>
        dialect.TracksPartitionChanges
            ? connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM fact_partition_changes WHERE change_id <= @seq", new { seq }, tx, cancellationToken: ct))
            : Task.CompletedTask;
}
