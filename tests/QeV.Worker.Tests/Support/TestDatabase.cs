using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using QeV.Domain.Facts;
using QeV.Domain.Tables;
using QeV.Worker.Import;
using QeV.Worker.Store.Migrations;
using QeV.Worker.Store;

namespace QeV.Worker.Tests.Support;

/// <summary>
/// A migrated database of its own – a SQLite file in a temp folder, or a fresh PostgreSQL database – with the importer
/// wired to it; deleted on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _postgres;

    private TestDatabase(TestEngine engine, TempFolder folder, Database database, string? server)
    {
        Engine = engine;
        Folder = folder;
        Database = database;
        _postgres = server;
    }

    public TestEngine Engine { get; }

    /// <summary>What to pass as --db or Database:ConnectionString.</summary>
    public string ConnectionString => _postgres ?? FilePath;

    public TempFolder Folder { get; }

    public Database Database { get; }

    public string FilePath => Database.FilePath!;

    /// <summary>A database of its own with the current schema.</summary>
    public static async Task<TestDatabase> CreateAsync(TestEngine engine = TestEngine.Sqlite)
    {
        var db = await CreateEmptyAsync(engine);
        try
        {
            await db.MigrateAsync(DateTimeOffset.UnixEpoch);
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A database of its own without any schema: on SQLite a file path nothing has created yet, on PostgreSQL a fresh
    /// empty database.
    /// </summary>
    public static async Task<TestDatabase> CreateEmptyAsync(TestEngine engine)
    {
        DateOnlyHandler.Register();
        DateTimeOffsetHandler.Register();
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        var folder = new TempFolder();
        try
        {
            var postgres = engine switch
            {
                TestEngine.Postgres => await PostgresServer.CreateDatabaseAsync(),
                TestEngine.SqlServer => await SqlServerServer.CreateDatabaseAsync(),
                _ => null,
            };
            return new TestDatabase(engine, folder, new Database(postgres ?? folder.Combine("qev.db")), postgres);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>Runs the product's migrator once with its own connection; returns how many migrations it applied.</summary>
    public Task<int> MigrateAsync(DateTimeOffset now) =>
        new Migrator(Database, NullLogger<Migrator>.Instance).MigrateAsync(now, CancellationToken.None);

    public Importer CreateImporter() => new(new ImportWriter(Database));

    public Task<ImportSummary> ImportAsync(string folder) => CreateImporter().ImportAsync(folder, null, CancellationToken.None);

    /// <summary>Writes the files into a new folder and imports it.</summary>
    public Task<ImportSummary> ImportAsync(IReadOnlyDictionary<string, string> files) => ImportAsync(Folder.WriteImportFolder(files));

    /// <summary>Writes already parsed tables (e.g. the demo data) through the import's upsert path, as `seed-demo` does.</summary>
    public async Task<ImportSummary> WriteAsync(IReadOnlyList<ImportTable> tables)
    {
        var writer = new ImportWriter(Database);
        return await writer.WriteAsync(tables, await writer.LoadKeysAsync(CancellationToken.None), null, CancellationToken.None);
    }

    public Task<Dictionary<string, long>> CountRowsAsync() => DatabaseContent.CountRowsAsync(Database);

    public Task<List<string>> SnapshotAsync() => DatabaseContent.SnapshotAsync(Database);

    public Task<FactSet> LoadFactsAsync() => new FactStore(Database).LoadAsync(CancellationToken.None);

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters)))!;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters))).ToList();
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters));
    }

    public void Dispose()
    {
        if (_postgres is not null && Engine == TestEngine.SqlServer)
        {
            SqlServerServer.DropDatabase(_postgres);
        }
        else if (_postgres is not null)
        {
            PostgresServer.DropDatabase(_postgres);
        }

        Folder.Dispose();
    }
}
