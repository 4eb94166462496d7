using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using QeV.Worker.Facts;
using QeV.Worker.Import;
using QeV.Worker.Store;
using QeV.Worker.Store.Migrations;

namespace QeV.Worker.Tests.Support;

/// <summary>A migrated SQLite file in a temp folder of its own, with the importer wired to it; deleted on dispose.</summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(TempFolder folder, Database database)
    {
        Folder = folder;
        Database = database;
    }

    public TempFolder Folder { get; }

    public Database Database { get; }

    public string FilePath => Database.FilePath!;

    public static async Task<TestDatabase> CreateAsync()
    {
        DateOnlyHandler.Register();
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        var folder = new TempFolder();
        try
        {
            var database = new Database(folder.Combine("qev.db"));
            await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
            return new TestDatabase(folder, database);
        }
        catch
        {
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

    public void Dispose() => Folder.Dispose();
}
