using QeV.Worker.Store;
using QeV.Worker.Store.Partitions;

namespace QeV.Worker.Scan;

/// <summary>
/// The floor of a scan for the benchmarks: every fact row read once with the same driver and the same forward-only,
/// key-ordered queries in the same snapshot, every column fetched, nothing mapped, evaluated or written.
/// </summary>
public sealed class FloorReader(Database database)
{
    private static readonly (string Table, string? Key)[] Tables =
    [
        ("organisations", null), ("teams", null), ("staff", null), ("agreements", null), ("ag78_sessions", null), ("provider_dialogues", null),
        ("cases", "case_id"), ("meetings", "case_id"), ("reports", "case_id"), ("appointments", "case_id"), ("home_visits", "case_id"),
        ("fuehrungszeugnisse", "staff_id"), ("trainings", "staff_id"),
    ];

    public async Task<long> ReadAllAsync(CancellationToken ct)
    {
        await using var snapshot = await ReadSnapshot.OpenAsync(database, ct);
        var rows = 0L;
        foreach (var (table, key) in Tables)
        {
            // Table and column names come from the fixed list above.
            var sql = key is null ? $"SELECT * FROM {table}" : $"SELECT * FROM {table} ORDER BY {database.Dialect.OrdinalOrder(key)}";
            var (command, reader) = await snapshot.OpenReaderAsync(sql, null, ct);
            await using (command)
            await using (reader)
            {
                var values = new object[reader.FieldCount];
                while (await reader.ReadAsync(ct))
                {
                    reader.GetValues(values);
                    rows++;
                }
            }
        }

        return rows;
    }
}
