using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace QeV.Worker.Store;

/// <summary>Opens connections to the configured engine: a SQLite file by default, PostgreSQL for "Host=…", SQL Server for "Server=…".</summary>
public sealed class Database
{
    private readonly string _connectionString;

    public Database(IOptions<DatabaseOptions> options)
        : this(options.Value.ConnectionString)
    {
    }

    public Database(string connectionStringOrPath)
    {
        if (IsPostgres(connectionStringOrPath))
        {
            Dialect = new PostgresDialect();
            _connectionString = connectionStringOrPath;
            Description = "PostgreSQL";
        }
        else if (IsSqlServer(connectionStringOrPath))
        {
            Dialect = new SqlServerDialect();
            _connectionString = connectionStringOrPath;
            var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionStringOrPath);
            Description = $"SQL Server {builder.DataSource}/{builder.InitialCatalog}";
        }
        else
        {
            Dialect = new SqliteDialect();
            var builder = connectionStringOrPath.Contains('=', StringComparison.Ordinal)
                ? new SqliteConnectionStringBuilder(connectionStringOrPath)
                : new SqliteConnectionStringBuilder { DataSource = connectionStringOrPath };
            builder.DataSource = Path.GetFullPath(builder.DataSource);
            builder.Pooling = true;
            FilePath = builder.DataSource;
            _connectionString = builder.ToString();
            Description = $"SQLite {FilePath}";
        }
    }

    public ISqlDialect Dialect { get; }

    /// <summary>The SQLite file, or null on a database server.</summary>
    public string? FilePath { get; }

    /// <summary>For messages and logs; never contains a password.</summary>
    public string Description { get; }

    public static bool IsPostgres(string value) =>
        value.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
        || value.Contains(";Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A SQL Server connection string names its server with Server= (or Address=/Addr=) or the catalogue with
    /// Initial Catalog=; a SQLite one never does.
    /// </summary>
    public static bool IsSqlServer(string value) =>
        !IsPostgres(value)
        && value.Split(';').Select(p => p.Split('=', 2)[0].Trim()).Any(k =>
            k.Equals("Server", StringComparison.OrdinalIgnoreCase) || k.Equals("Address", StringComparison.OrdinalIgnoreCase)
            || k.Equals("Addr", StringComparison.OrdinalIgnoreCase) || k.Equals("Initial Catalog", StringComparison.OrdinalIgnoreCase));

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (FilePath is not null)
        {
            EnsureSqliteFolder(FilePath);
        }

        var connection = Dialect.CreateConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await Dialect.PrepareAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void EnsureSqliteFolder(string file)
    {
        if (Directory.Exists(file))
        {
            throw new StoreUnavailableException($"Die Datenbank '{file}' ist ein Ordner, keine Datei.");
        }

        var folder = Path.GetDirectoryName(file);
        if (string.IsNullOrEmpty(folder) || Directory.Exists(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"Der Ordner für die Datenbank '{file}' kann nicht angelegt werden: {ex.Message}", ex);
        }
    }
}
