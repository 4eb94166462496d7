using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using QeV.Worker.Facts;
using QeV.Worker.Import;
using QeV.Worker.Store;
using QeV.Worker.Store.Migrations;

namespace QeV.Worker.Tests.Support;

/// <summary>
/// A migrated database of its own – a SQLite file in a temp folder, or a fresh PostgreSQL database – with the importer
/// wired to it; deleted on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _postgres;

    private TestDatabase(TempFolder folder, Database database, string? postgres)
    {
        Folder = folder;
        Database = database;
        _postgres = postgres;
    }

    /// <summary>What to pass as --db or Database:ConnectionString.</summary>
    public string ConnectionString => _postgres ?? FilePath;

    public TempFolder Folder { get; }

    public Database Database { get; }

    public string FilePath => Database.FilePath!;

    public static async Task<TestDatabase> CreateAsync(TestEngine engine = TestEngine.Sqlite)
    {
        DateOnlyHandler.Register();
        DateTimeOffsetHandler.Register();
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        var folder = new TempFolder();
        string? postgres = null;
        try
        {
            postgres = engine == TestEngine.Postgres ? await PostgresServer.CreateDatabaseAsync() : null;
            var database = new Database(postgres ?? folder.Combine("qev.db"));
            await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
            return new TestDatabase(folder, database, postgres);
        }
        catch
        {
            if (postgres is not null)
            {
                PostgresServer.DropDatabase(postgres);
            }

            folder.Dispose();
            throw;
        }
    }

    public Importer CreateImporter() => new(new ImportWriter(Database));

    public Task<ImportSummary> ImportAsync(string folder) => CreateImporter().ImportAsync(folder, null, CancellationToken.None);

    /// <summary>Writes the files into a new folder and imports it.</summary>
    public Task<ImportSummary> ImportAsync(IReadOnlyDictionary<string, string> files) => ImportAsync(Folder.WriteImportFolder(files));

    public Task<Dictionary<string, long>> CountRowsAsync() => DatabaseContent.CountRowsAsync(Database);

    public Task<List<string>> SnapshotAsync() => DatabaseContent.SnapshotAsync(Database);

    public Task<FactSet> LoadFactsAsync() => new FactStore(Database).LoadAsync(CancellationToken.None);

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters)))!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(sql));
    }

    public void Dispose()
    {
        if (_postgres is not null)
        {
            PostgresServer.DropDatabase(_postgres);
        }

        Folder.Dispose();
    }
}
