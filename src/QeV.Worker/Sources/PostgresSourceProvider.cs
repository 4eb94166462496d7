using System.Data;
using Npgsql;

namespace QeV.Worker.Sources;

/// <summary>
/// PostgreSQL source: the session starts with default_transaction_read_only = on (a startup option, so it holds for
/// every transaction of the session), and the query runs in a REPEATABLE READ, READ ONLY transaction.
/// </summary>
public sealed class PostgresSourceProvider : ISourceProvider
{
    public string Name => "postgres";

    public static string ReadOnlyConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options)
            ? "-c default_transaction_read_only=on"
            : builder.Options + " -c default_transaction_read_only=on";
        builder.ApplicationName ??= "qev-source";
        return builder.ToString();
    }

    public async Task<SourceSession> OpenReadOnlyAsync(SourceConnectionOptions options, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(ReadOnlyConnectionString(options.ConnectionString));
        try
        {
            await connection.OpenAsync(ct);
            var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await using (var command = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, tx))
            {
                await command.ExecuteNonQueryAsync(ct);
            }

            return new SourceSession(connection, tx);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public object Date(DateOnly value) => value;

    public object Instant(DateTimeOffset value) => value.UtcDateTime;

    public string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }
}
