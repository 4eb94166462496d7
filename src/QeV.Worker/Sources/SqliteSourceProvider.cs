using System.Globalization;
using Microsoft.Data.Sqlite;

namespace QeV.Worker.Sources;

/// <summary>SQLite source (an export file or a test): opened with Mode=ReadOnly, so the file cannot change.</summary>
public sealed class SqliteSourceProvider : ISourceProvider
{
    public string Name => "sqlite";

    public async Task<SourceSession> OpenReadOnlyAsync(SourceConnectionOptions options, CancellationToken ct)
    {
        var raw = options.ConnectionString;
        var builder = raw.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(raw)
            : new SqliteConnectionStringBuilder { DataSource = raw };
        builder.Mode = SqliteOpenMode.ReadOnly;
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(ct);
            var tx = connection.BeginTransaction(deferred: true);
            return new SourceSession(connection, tx);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public object Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public object Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public string Describe(string connectionString) => "SQLite " +
        (connectionString.Contains('=', StringComparison.Ordinal) ? new SqliteConnectionStringBuilder(connectionString).DataSource : connectionString);
}
