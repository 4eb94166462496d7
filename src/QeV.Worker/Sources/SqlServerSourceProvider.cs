using System.Data;
using Microsoft.Data.SqlClient;

namespace QeV.Worker.Sources;

/// <summary>
/// SQL Server source: ApplicationIntent=ReadOnly (an availability group routes it to a readable secondary, which
/// refuses writes), and the query runs in a SNAPSHOT transaction (or READ COMMITTED, Isolation) that is always
/// rolled back. SQL Server has no READ ONLY transaction flag; what forbids writes on a primary is the login's grants
/// (SELECT on the mapped views only, docs/sources.md).
/// </summary>
public sealed class SqlServerSourceProvider : ISourceProvider
{
    public string Name => "sqlserver";

    public static string ReadOnlyConnectionString(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString) { ApplicationIntent = ApplicationIntent.ReadOnly };
        if (string.IsNullOrEmpty(builder.ApplicationName) || builder.ApplicationName == "Core Microsoft SqlClient Data Provider")
        {
            builder.ApplicationName = "qev-source";
        }

        return builder.ToString();
    }

    public async Task<SourceSession> OpenReadOnlyAsync(SourceConnectionOptions options, CancellationToken ct)
    {
        var connection = new SqlConnection(ReadOnlyConnectionString(options.ConnectionString));
        try
        {
            await connection.OpenAsync(ct);
            var isolation = SourceIsolation.Parse(options.Isolation) ?? IsolationLevel.Snapshot;
            var tx = (SqlTransaction)await connection.BeginTransactionAsync(isolation, ct);
            return new SourceSession(connection, tx);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public object Date(DateOnly value) => value.ToDateTime(TimeOnly.MinValue);

    public object Instant(DateTimeOffset value) => value.ToUniversalTime();

    public string Describe(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        return $"SQL Server {builder.DataSource}/{builder.InitialCatalog}";
    }
}
