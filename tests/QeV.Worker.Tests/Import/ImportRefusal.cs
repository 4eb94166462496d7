using QeV.Worker.Import;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Support.ImportFiles;

namespace QeV.Worker.Tests.Import;

/// <summary>What the import-error tests share: a refused run leaves no trace, and its error names file, line and column.</summary>
internal static class ImportRefusal
{
    /// <summary>Imports <see cref="ImportFiles.Minimal"/>, then expects <paramref name="files"/> to be refused without a trace.</summary>
    public static async Task<ImportFailedException> RefusedOnTopOfMinimalAsync(TestEngine engine, Dictionary<string, string> files)
    {
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        var before = await db.SnapshotAsync();

        var ex = await Should.ThrowAsync<ImportFailedException>(() => db.ImportAsync(files));

        (await db.SnapshotAsync()).ShouldBe(before);
        (await db.CountRowsAsync()).ShouldBe(MinimalCounts);
        return ex;
    }

    /// <summary>The valid second run of <see cref="ImportFiles.Changes"/> with one file replaced.</summary>
    public static Dictionary<string, string> ChangesWith(string file, params string[] lines)
    {
        var files = Changes();
        files[file] = Lines(lines);
        return files;
    }

    public static void ShouldName(ImportError error, string file, int line, string? column, string reasonPart)
    {
        error.File.ShouldBe(file);
        error.Line.ShouldBe(line);
        error.Column.ShouldBe(column);
        error.Reason.ShouldContain(reasonPart, Case.Sensitive);
        error.ToString().ShouldStartWith(column is null ? $"{file}, Zeile {line}: " : $"{file}, Zeile {line}, Spalte {column}: ");
    }

    /// <summary>A trigger that makes the database itself refuse every insert into trainings, in each engine's dialect.</summary>
    public static Task RefuseInsertsIntoTrainingsAsync(TestDatabase db) => db.Engine == TestEngine.Postgres
        ? db.ExecuteAsync("""
            CREATE FUNCTION refuse_trainings() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'refused by test'; END $$;
            CREATE TRIGGER refuse_trainings BEFORE INSERT ON trainings FOR EACH ROW EXECUTE FUNCTION refuse_trainings();
            """)
        : db.ExecuteAsync("CREATE TRIGGER refuse_trainings BEFORE INSERT ON trainings BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
}
