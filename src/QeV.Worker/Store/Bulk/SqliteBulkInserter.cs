using System.Globalization;
using Microsoft.Data.Sqlite;

namespace QeV.Worker.Store.Bulk;

/// <summary>One prepared INSERT per call (<see cref="SqliteStatement"/>), run for every row in the caller's transaction.</summary>
public sealed class SqliteBulkInserter(SqliteConnection connection, SqliteTransaction tx) : BulkInserter
{
    public override Task InsertAsync(BulkTable table, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Table and column names come from the fixed catalogue, never from input.
        using var insert = SqliteStatement.Prepare(connection, tx,
            $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Column))}) "
            + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))})");
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < row.Length; i++)
            {
                insert.Bind(i + 1, row[i]);
            }

            insert.Execute();
        }

        return Task.CompletedTask;
    }
}
