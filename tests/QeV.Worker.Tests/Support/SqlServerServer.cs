using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

namespace QeV.Worker.Tests.Support;

/// <summary>
/// The SQL Server for the parity tests: QEV_TEST_SQLSERVER (a connection string with rights to create databases), else
/// a Testcontainers.MsSql container when a Docker engine is reachable. Neither exists on the build machines here (no
/// Debian package, no image registry): then <see cref="Unavailable"/> gives the reason the tests report as skipped.
/// </summary>
public static class SqlServerServer
{
    public const string Variable = "QEV_TEST_SQLSERVER";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static MsSqlContainer? _container;

    /// <summary>Why SQL Server tests cannot run here, or null when they can.</summary>
    public static string? Unavailable =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } || DockerReachable()
            ? null
            : $"kein SQL Server: {Variable} ist nicht gesetzt und keine Docker-Engine erreichbar (Testcontainers.MsSql)";

    public static async Task<string> AdminConnectionStringAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return configured;
        }

        await Gate.WaitAsync();
        try
        {
            if (_container is null)
            {
                // SQL Server 2022 on Linux from the Microsoft Container Registry (needs a Docker engine that can pull it).
                var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04").Build();
                await container.StartAsync();
                _container = container;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return _container.GetConnectionString();
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await AdminConnectionStringAsync();
        var name = "qev_t_" + Guid.NewGuid().ToString("N")[..20];
        await using (var connection = new SqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new SqlCommand($"CREATE DATABASE [{name}]; ALTER DATABASE [{name}] SET ALLOW_SNAPSHOT_ISOLATION ON;", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new SqlConnectionStringBuilder(admin) { InitialCatalog = name, TrustServerCertificate = true }.ToString();
    }

    public static void DropDatabase(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        var name = builder.InitialCatalog;
        SqlConnection.ClearAllPools();
        builder.InitialCatalog = "master";
        using var connection = new SqlConnection(builder.ToString());
        connection.Open();
        using var drop = new SqlCommand($"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}];", connection);
        drop.ExecuteNonQuery();
    }

    private static bool DockerReachable() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock");
}
