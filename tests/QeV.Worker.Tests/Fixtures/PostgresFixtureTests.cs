using Npgsql;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;

namespace QeV.Worker.Tests.Fixtures;

/// <summary>The run's PostgreSQL, as every store test gets it: version 15, and a role that may create databases.</summary>
public sealed class PostgresFixtureTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task InitializeAsync_AnySource_ServesPostgres15()
    {
        // Given
        await using var connection = new NpgsqlConnection(fixture.AdminConnectionString);

        // When
        await connection.OpenAsync();

        // Then
        connection.PostgreSqlVersion.Major.ShouldBe(15, fixture.Source);
    }

    [Fact]
    public async Task CreateDatabaseAsync_TwoTests_GetDatabasesOfTheirOwn()
    {
        // Given
        var first = await PostgresServer.CreateDatabaseAsync();
        var second = await PostgresServer.CreateDatabaseAsync();
        try
        {
            // Then
            new NpgsqlConnectionStringBuilder(first).Database.ShouldNotBe(new NpgsqlConnectionStringBuilder(second).Database);
            await using var connection = new NpgsqlConnection(second);
            await connection.OpenAsync();
            connection.State.ShouldBe(System.Data.ConnectionState.Open);
        }
        finally
        {
            PostgresServer.DropDatabase(first);
            PostgresServer.DropDatabase(second);
        }
    }
}
