using Microsoft.Data.Sqlite;
using QeV.Demo.Synthetic;

namespace QeV.Worker.Store.Bulk;

/// <summary>One prepared INSERT per table, reused for every row of the transaction.</summary>
public sealed class SqliteBulkInserter(SqliteConnection connection, SqliteTransaction tx) : BulkInserter
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public override Task InsertAsync(BulkTable table, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        var command = CommandFor(table);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < row.Length; i++)
            {
                command.Parameters[i].Value = row[i] switch
                {
                    null => DBNull.Value,
                    DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    bool b => b ? 1 : 0,
                    var v => v,
                };
            }

            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    private SqliteCommand CommandFor(BulkTable table)
    {
        if (_commands.TryGetValue(table.Name, out var command))
        {
            return command;
        }

        command = connection.CreateCommand();
        command.Transaction = tx;
        // Table and column names come from the fixed catalogue, never from input.
        command.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Column))}) "
            + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        for (var i = 0; i < table.Columns.Count; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        _commands[table.Name] = command;
        return command;
    }
}
