using System.Globalization;
using Dapper;
using QeV.Worker.Import;
using QeV.Worker.Store;

namespace QeV.Worker.Tests.Support;

/// <summary>What the fact tables hold, read back for comparison: row counts and every row as text.</summary>
public static class DatabaseContent
{
    public static async Task<Dictionary<string, long>> CountRowsAsync(Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var spec in ImportCatalog.Tables)
        {
            // Table names come from the fixed catalogue.
            counts[spec.Table] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {spec.Table}");
        }

        return counts;
    }

    /// <summary>One line per table with its count, then one line per row with every column, in key order.</summary>
    public static async Task<List<string>> SnapshotAsync(Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var lines = new List<string>();
        foreach (var spec in ImportCatalog.Tables)
        {
            var rows = (await connection.QueryAsync($"SELECT * FROM {spec.Table} ORDER BY {string.Join(", ", spec.KeyColumns)}"))
                .Cast<IDictionary<string, object?>>()
                .ToList();
            lines.Add($"{spec.Table}: {rows.Count} rows");
            lines.AddRange(rows.Select(row => spec.Table + " | " + string.Join(" | ", row.Select(c => $"{c.Key}={Format(c.Value)}"))));
        }

        return lines;
    }

    /// <summary>Counts of the SQLite file at <paramref name="path"/>, which must exist (a missing one would be created).</summary>
    public static Task<Dictionary<string, long>> CountRowsAsync(string path)
    {
        File.Exists(path).ShouldBeTrue($"database file {path} missing");
        return CountRowsAsync(new Database(path));
    }

    public static Task<List<string>> SnapshotAsync(string path)
    {
        File.Exists(path).ShouldBeTrue($"database file {path} missing");
        return SnapshotAsync(new Database(path));
    }

    private static string Format(object? value) => value switch
    {
        null => "<null>",
        string s => "'" + s + "'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
