using System.Data.Common;
using System.Globalization;
using Dapper;
using QeV.Worker.Ledger;
using QeV.Worker.Store.Partitions;

namespace QeV.Worker.Scan;

/// <summary>
/// What a refresh judged by, besides the day and the settings: the fact tables' change counter (<c>fact_changes.seq</c>,
/// raised by triggers on every fact table, migration M018) and the number of delivered notices (F06 is fulfilled by its
/// delivered notice; a notice never leaves <c>sent</c>, so the count changes exactly when that set grows). A refresh
/// on the same day with the same settings that finds the same version has nothing to re-evaluate and reads no fact.
/// </summary>
public static class FactsVersion
{
    public static async Task<string> ReadAsync(ReadSnapshot snapshot, DateOnly asOf, CancellationToken ct) =>
        Of(await SeqAsync(snapshot, ct), await DeliveredNotices.CountAsync(snapshot, asOf, ct));

    /// <summary>The version from a counter and a number of delivered notices already read in the same snapshot.</summary>
    public static string Of(long seq, long delivered) => string.Create(CultureInfo.InvariantCulture, $"{seq}:{delivered}");

    /// <summary>The counter part of a version written by <see cref="Of"/>.</summary>
    public static long SeqOf(string version) => long.Parse(version.AsSpan(0, version.IndexOf(':', StringComparison.Ordinal)), CultureInfo.InvariantCulture);

    public static async Task<long> SeqAsync(ReadSnapshot snapshot, CancellationToken ct) =>
        (await snapshot.QueryAsync<long>("SELECT seq FROM fact_changes WHERE id = 1", null, ct)).Single();

    /// <summary>
    /// SQLite's triggers count only the first changed row after a scan (<c>clean = 1</c>); the refresh that read the
    /// counter under the write lock sets it back, in its own transaction.
    /// </summary>
    public static Task MarkCleanAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("UPDATE fact_changes SET clean = 1 WHERE id = 1", transaction: tx, cancellationToken: ct));
}
