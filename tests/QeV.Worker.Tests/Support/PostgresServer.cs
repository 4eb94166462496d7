using Npgsql;
using QeV.Worker.Tests.Support.Fixtures;

namespace QeV.Worker.Tests.Support;

/// <summary>
/// A database of its own for each test, on the run's PostgreSQL 15 (<see cref="PostgresFixture"/>). A missing or
/// unreachable server fails the test: it never skips.
/// </summary>
public static class PostgresServer
{
    public static string AdminConnectionString => PostgresFixture.SharedAdminConnectionString;

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "qev_t_" + Guid.NewGuid().ToString("N")[..20];
        await using (var connection = new NpgsqlConnection(await PostgresFixture.SharedAdminConnectionStringAsync()))
        {
            await connection.OpenAsync();
            // FILE_COPY copies template1's few files at once; the default WAL_LOG strategy is several times slower for
            // the hundreds of small databases a test run creates.
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" STRATEGY FILE_COPY", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    /// <summary>
    /// Drops the test's database. WITH (FORCE) ends sessions the test left open, but a non-superuser may not end an
    /// autovacuum worker busy in that database (42501); a plain DROP DATABASE stops such a worker itself, so that is
    /// the fallback, and a few tries cover a worker or session that is just starting or ending.
    /// </summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                try
                {
                    Execute(connection, $"DROP DATABASE IF EXISTS \"{name}\"");
                    return;
                }
                catch (PostgresException inner) when (inner.SqlState == PostgresErrorCodes.ObjectInUse)
                {
                    Thread.Sleep(100 * attempt);
                }
            }
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
