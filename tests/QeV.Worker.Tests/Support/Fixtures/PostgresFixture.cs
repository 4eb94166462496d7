using DotNet.Testcontainers.Builders;
using Testcontainers.PostgreSql;

namespace QeV.Worker.Tests.Support.Fixtures;

/// <summary>
/// The PostgreSQL 15 of the whole test run, started once on first use and shared by every test class (each test then
/// creates a database of its own, see <see cref="PostgresServer"/>). Where it comes from, in this order:
/// <list type="number">
/// <item><c>QEV_TEST_POSTGRES</c>: a connection string to a server someone else runs (CI, a developer's own);</item>
/// <item>Testcontainers (postgres:15-alpine) where a Docker engine answers;</item>
/// <item>a throwaway cluster of Debian's postgresql package (<see cref="TemporaryPostgresCluster"/>).</item>
/// </list>
/// None of them: every PostgreSQL test fails with the reason; it never skips. xunit 2 has no assembly fixtures, so the
/// server is held per test process and stopped when the process ends; as a class fixture this type only hands it out.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Variable = "QEV_TEST_POSTGRES";

    private static readonly Lazy<Task<Server>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Connection string of a role that may create databases.</summary>
    public string AdminConnectionString { get; private set; } = "";

    /// <summary>Which of the three sources the run uses, for messages.</summary>
    public string Source { get; private set; } = "";

    public static string SharedAdminConnectionString => Shared.Value.GetAwaiter().GetResult().ConnectionString;

    public static async Task<string> SharedAdminConnectionStringAsync() => (await Shared.Value).ConnectionString;

    public async Task InitializeAsync()
    {
        var server = await Shared.Value;
        AdminConnectionString = server.ConnectionString;
        Source = server.Source;
    }

    // The server outlives the test class; it stops with the process.
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<Server> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return new Server(given, Variable, null);
        }

        if (await TryContainerAsync() is { } container)
        {
            return container;
        }

        // The cluster stops itself when this process ends (its watchdog).
        var cluster = await TemporaryPostgresCluster.StartAsync();
        return new Server(cluster.ConnectionString, cluster.Description, null);
    }

    private static async Task<Server?> TryContainerAsync()
    {
        PostgreSqlContainer container;
        try
        {
            container = new PostgreSqlBuilder("postgres:15-alpine")
                .WithUsername("qev").WithPassword("qev").WithDatabase("qev_test")
                .Build();
            await container.StartAsync();
        }
        catch (DockerUnavailableException)
        {
            // No Docker engine here: the next source.
            return null;
        }

        return new Server(container.GetConnectionString(), "Testcontainers postgres:15-alpine",
            () => container.DisposeAsync().AsTask().GetAwaiter().GetResult());
    }

    private sealed class Server
    {
        public Server(string connectionString, string source, Action? stop)
        {
            ConnectionString = connectionString;
            Source = source;
            if (stop is not null)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => stop();
            }
        }

        public string ConnectionString { get; }

        public string Source { get; }
    }
}
