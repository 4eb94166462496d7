using Npgsql;
using NpgsqlTypes;
using QeV.Demo.Synthetic;

namespace QeV.Worker.Store.Bulk;

/// <summary>Binary COPY of one batch per table; runs inside the open transaction of the connection.</summary>
public sealed class PostgresBulkInserter(NpgsqlConnection connection) : BulkInserter
{
    public override async Task InsertAsync(BulkTable table, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // Table and column names come from the fixed catalogue, never from input.
        var copy = $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Column))}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null)
                {
                    await writer.WriteNullAsync(ct);
                    continue;
                }

                var type = table.Columns[i].Type switch
                {
                    SyntheticType.Date => NpgsqlDbType.Date,
                    SyntheticType.Bool => NpgsqlDbType.Boolean,
                    SyntheticType.Number => NpgsqlDbType.Integer,
                    _ => NpgsqlDbType.Text,
                };
                await writer.WriteAsync(row[i], type, ct);
            }
        }

        await writer.CompleteAsync(ct);
    }
}
