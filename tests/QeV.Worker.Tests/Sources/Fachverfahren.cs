using Npgsql;
using QeV.Demo;
using QeV.Domain.Tables;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Sources;

/// <summary>
/// A PostgreSQL database of its own laid out like a Fachverfahren (Fachverfahren.sql) with the mapping views of
/// docs/sources.md (Fachverfahren.views.sql), filled with the same rows the import would take.
/// </summary>
public sealed class Fachverfahren : IDisposable
{
    private Fachverfahren(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<Fachverfahren> CreateAsync(IReadOnlyList<ImportTable> tables)
    {
        var db = new Fachverfahren(await PostgresServer.CreateDatabaseAsync());
        try
        {
            await db.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Sources", "Fachverfahren.sql")));
            await db.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Sources", "Fachverfahren.views.sql")));
            await db.FillAsync(tables);
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The demo's day in the source tests.</summary>
    public static readonly DateOnly DemoDay = new(2026, 11, 23);

    /// <summary>A Fachverfahren holding the demo data of <paramref name="caseCount"/> cases (seed 78) as of <see cref="DemoDay"/>.</summary>
    public static Task<Fachverfahren> DemoAsync(int caseCount) => CreateAsync(DemoDataGenerator.Generate(78, DemoDay, caseCount: caseCount));

    /// <summary>The demo Fachverfahren with one bad row: an appointment whose outcome code the mapping does not know.</summary>
    public static async Task<Fachverfahren> WithUnknownOutcomeAsync(int caseCount = 10)
    {
        var db = await DemoAsync(caseCount);
        await db.UnknownOutcomeAsync();
        return db;
    }

    /// <summary>Gives the first appointment an outcome code the mapping does not know.</summary>
    public Task UnknownOutcomeAsync() =>
        ExecuteAsync("UPDATE fv.kontakt SET ergebnis_code = 99 WHERE kontakt_nr = (SELECT min(kontakt_nr) FROM fv.kontakt)");

    /// <summary>The configuration that maps every entity to the views, as an operator sets it in the environment.</summary>
    public Dictionary<string, string> Settings(string connection = "fachverfahren") =>
        new(ImportCatalog.Tables.Select(t => KeyValuePair.Create($"Sources__Queries__{t.Table}", $"SELECT * FROM qev.{t.Table}")))
        {
            [$"Sources__Connections__{connection}__Provider"] = "postgres",
            [$"Sources__Connections__{connection}__ConnectionString"] = ConnectionString,
        };

    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task FillAsync(IReadOnlyList<ImportTable> tables)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var table in tables)
        {
            var map = FachverfahrenMapping.Tables[table.Spec.Table];
            var sql = $"INSERT INTO fv.{map.Name} ({string.Join(", ", map.Columns.Select(c => c.Name))}) "
                + $"VALUES ({string.Join(", ", map.Columns.Select((_, i) => "$" + (i + 1)))})";
            foreach (var row in table.Rows)
            {
                await using var command = new NpgsqlCommand(sql, connection, tx);
                foreach (var column in map.Columns)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = column.ToForeign(row.Values.GetValueOrDefault(column.Contract)) ?? DBNull.Value });
                }

                await command.ExecuteNonQueryAsync();
            }
        }

        await tx.CommitAsync();
    }

    public void Dispose() => PostgresServer.DropDatabase(ConnectionString);
}
