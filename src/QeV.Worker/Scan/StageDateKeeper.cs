using System.Data.Common;
using Dapper;
using Npgsql;

namespace QeV.Worker.Scan;

/// <summary>
/// Keeps the stage dates (M017) of the day-dependent deadlines a new day writes anew: they are copied to a temporary
/// table before they are deleted, dropped from it for partitions re-evaluated in full (their facts changed, and with
/// them what planning reads besides the row, such as a missing certificate), and restored to the rows written anew
/// that equal the old ones in every column. SQLite and PostgreSQL; in the refresh's transaction and connection.
/// </summary>
internal static class StageDateKeeper
{
    // A literal: Npgsql sends DateOnly.MinValue as -infinity, which no stored date equals.
    private const string Unplanned = "'0001-01-01'";

    public const string Forget = "DELETE FROM kept_stage_dates WHERE scope = @scope AND partition_id = @id";

    public const string ForgetAll = "DELETE FROM kept_stage_dates WHERE scope = @scope AND partition_id = ANY(@ids)";

    public static async Task KeepAsync(DbConnection connection, DbTransaction tx, string scope, IReadOnlyList<string> rules, CancellationToken ct)
    {
        var postgres = connection is NpgsqlConnection;
        await connection.ExecuteAsync(new CommandDefinition(
            postgres ? "CREATE TEMP TABLE IF NOT EXISTS kept_stage_dates (LIKE deadlines) ON COMMIT DROP"
                : "CREATE TEMP TABLE IF NOT EXISTS kept_stage_dates AS SELECT * FROM deadlines WHERE 0 = 1",
            transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO kept_stage_dates SELECT * FROM deadlines WHERE scope = @scope AND next_stage > " + Unplanned + " AND "
            + (postgres ? "rule = ANY(@rules)" : "rule IN @rules"),
            new { scope, rules = rules.ToArray() }, tx, cancellationToken: ct));
    }

    public static async Task RestoreAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var keys = new[] { "scope", "partition_id", "rule", "seq" };
        var same = string.Join(" AND ", DeadlineRows.Deadlines.Columns.Select(c => c.Column)
            .Select(c => keys.Contains(c, StringComparer.Ordinal) ? $"deadlines.{c} = k.{c}" : $"deadlines.{c} IS NOT DISTINCT FROM k.{c}"));
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE deadlines SET next_stage = k.next_stage FROM kept_stage_dates k WHERE {same} AND deadlines.next_stage = {Unplanned}",
            transaction: tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("DROP TABLE kept_stage_dates", transaction: tx, cancellationToken: ct));
    }
}
