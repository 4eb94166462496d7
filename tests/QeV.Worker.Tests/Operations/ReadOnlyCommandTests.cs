using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Operations;

/// <summary>
/// Read-only commands never create a database or a folder; a missing database is an error. An empty or corrupt SQLite
/// file is reported as such (PRAGMA quick_check) by every command, and left as it was.
/// </summary>
public sealed class ReadOnlyCommandTests
{
    public static TheoryData<string> ReadOnlyCommands => new()
    {
        "deadlines",
        "deadlines --format json",
        "preview",
        "history",
        "health",
    };

    [Theory]
    [MemberData(nameof(ReadOnlyCommands))]
    public async Task ReadOnlyCommand_DatabaseInMissingFolder_ErrorAndNothingCreated(string commandLine)
    {
        // Given
        using var temp = new TempFolder();
        var typo = temp.Combine("some", "typo", "x.db");

        // When
        var result = await QevProcess.RunAsync(temp.Path, [.. commandLine.Split(' '), "--db", typo]);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErrLines.ShouldHaveSingleItem(result.ToString()).ShouldContain($"Die Datenbank {typo} gibt es nicht.");
        Directory.Exists(temp.Combine("some")).ShouldBeFalse(result.ToString());
        result.StdOut.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ReadOnlyCommands))]
    public async Task ReadOnlyCommand_DefaultDatabaseMissing_ErrorAndNoDataFolder(string commandLine)
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await QevProcess.RunAsync(temp.Path, commandLine.Split(' '));

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("gibt es nicht");
        Directory.Exists(temp.Combine("data")).ShouldBeFalse(result.ToString());
    }

    [Theory]
    [InlineData("deadlines")]
    [InlineData("import")]
    [InlineData("run")]
    public async Task AnyCommand_ZeroByteFile_ReportedAsEmptyAndLeftAlone(string command)
    {
        // Given
        using var temp = new TempFolder();
        var file = temp.WriteBytes("leer.db", []);
        string[] args = command switch
        {
            "import" => ["import", temp.WriteImportFolder(ImportFiles.Minimal(), "export")],
            "run" => ["run", "--once"],
            _ => [command],
        };

        // When
        var result = await QevProcess.RunAsync(temp.Path, [.. args, "--db", file]);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErrLines.ShouldHaveSingleItem(result.ToString()).ShouldContain($"Die Datei {file} ist leer (0 Bytes) und keine QeV-Datenbank.");
        new FileInfo(file).Length.ShouldBe(0);
    }

    [Theory]
    [InlineData("deadlines")]
    [InlineData("import")]
    public async Task AnyCommand_NotASqliteFile_ReportedAsCorruptAndLeftAlone(string command)
    {
        // Given
        using var temp = new TempFolder();
        var content = "Dies ist keine Datenbank, sondern eine Notiz.\n"u8.ToArray();
        var file = temp.WriteBytes("notiz.db", [.. Enumerable.Repeat(content, 200).SelectMany(b => b)]);
        var before = File.ReadAllBytes(file);
        string[] args = command == "import" ? ["import", temp.WriteImportFolder(ImportFiles.Minimal(), "export")] : [command];

        // When
        var result = await QevProcess.RunAsync(temp.Path, [.. args, "--db", file]);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErrLines.ShouldHaveSingleItem(result.ToString()).ShouldContain("ist keine SQLite-Datenbank oder beschädigt (PRAGMA quick_check:");
        File.ReadAllBytes(file).ShouldBe(before);
    }

    [Fact]
    public async Task Deadlines_LargeFileThatIsNoDatabase_ReportedByItsHeaderWithoutReadingItWhole()
    {
        // Given: a file beyond the size that gets a full quick_check (sparse: written at its start and its end only)
        using var temp = new TempFolder();
        var file = temp.Combine("gross.db");
        await using (var stream = File.Create(file))
        {
            await stream.WriteAsync("Dies ist keine Datenbank.\n"u8.ToArray());
            stream.SetLength(QeV.Worker.Store.DatabaseCheck.FullCheckUpTo + 4096);
        }

        var length = new FileInfo(file).Length;

        // When
        var result = await QevProcess.RunAsync(temp.Path, "deadlines", "--db", file);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErrLines.ShouldHaveSingleItem(result.ToString()).ShouldContain("ist keine SQLite-Datenbank oder beschädigt (Dateikopf und Schema: kein SQLite-Dateikopf)");
        new FileInfo(file).Length.ShouldBe(length);
    }

    [Fact]
    public async Task Deadlines_DamagedPageInRealDatabase_ReportedByQuickCheck()
    {
        // Given: a real database whose pages after the first are overwritten
        using var db = await TestDatabase.CreateAsync();
        var import = await QevProcess.RunAsync(db.Folder.Path, "import", db.Folder.WriteImportFolder(ImportFiles.Minimal(), "export"), "--db", db.FilePath);
        import.ExitCode.ShouldBe(0, import.ToString());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(db.FilePath);
        for (var i = 4096 + 100; i < bytes.Length; i += 7)
        {
            bytes[i] = 0xA5;
        }

        File.WriteAllBytes(db.FilePath, bytes);

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "deadlines", "--db", db.FilePath);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErrLines.ShouldHaveSingleItem(result.ToString()).ShouldContain("beschädigt");
    }
}
