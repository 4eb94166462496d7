using Npgsql;

namespace QeV.Worker.Tests.Support;

/// <summary>
/// The PostgreSQL 15 that scripts/test.sh starts (QEV_TEST_POSTGRES). Each test gets a database of its own.
/// A missing or unreachable server fails the test: it never skips.
/// </summary>
public static class PostgresServer
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("QEV_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "QEV_TEST_POSTGRES ist nicht gesetzt: die Tests mit scripts/test.sh starten, das PostgreSQL 15 startet.");

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "qev_t_" + Guid.NewGuid().ToString("N")[..20];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
