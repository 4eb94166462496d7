using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Support.ImportFiles;

namespace QeV.Worker.Tests.Cli;

/// <summary>
/// The real `qev` binary in its own process, started in a temp folder of its own: exit codes, what goes to stdout
/// and stderr, and that failures are one line without a stack trace. Whatever imports or reports runs on SQLite and on
/// PostgreSQL (`--db` takes a file path or a "Host=…" connection string).
/// </summary>
public sealed class CliProcessTests
{
    private static readonly string[] ContractFields =
    [
        "rule", "name", "subjectType", "subjectId", "caseId", "fileReference", "dueDate", "status", "responsibleStaffId",
        "escalationStaffId",
    ];

    private static void ShouldBeOneLineWithoutStackTrace(QevResult result)
    {
        result.StdErrLines.Count.ShouldBe(1, result.ToString());
        result.StdErr.ShouldNotContain("   at ", Case.Sensitive, result.ToString());
        result.StdErr.ShouldNotContain("Unhandled exception", Case.Insensitive, result.ToString());
        result.StdOut.ShouldNotContain("   at ", Case.Sensitive, result.ToString());
    }

    /// <summary>Imports <see cref="ImportFiles.Minimal"/> through the binary into a database of its own on <paramref name="engine"/>.</summary>
    private static async Task<TestDatabase> ImportMinimalAsync(TestEngine engine)
    {
        var db = await TestDatabase.CreateEmptyAsync(engine);
        try
        {
            var result = await QevProcess.RunAsync(db.Folder.Path, "import", db.Folder.WriteImportFolder(Minimal(), "gut"), "--db", db.ConnectionString);
            result.ExitCode.ShouldBe(0, result.ToString());
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    [Fact]
    public async Task Import_GoodFolder_ExitsZeroAndPrintsSummary()
    {
        // Given
        using var temp = new TempFolder();
        var folder = temp.WriteImportFolder(Minimal(), "export");

        // When: no --db, so the default ./data/qev.db of the working folder is used.
        var result = await QevProcess.RunAsync(temp.Path, "import", folder);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdOut.ShouldContain($"Import aus {folder} abgeschlossen.");
        var lines = result.StdOut.Split('\n', StringSplitOptions.TrimEntries);
        lines.ShouldContain(l => Regex.IsMatch(l, @"^Datei\s+gelesen\s+neu\s+aktualisiert\s+unverändert$"), result.ToString());
        lines.ShouldContain(l => Regex.IsMatch(l, @"^staff\.csv\s+4\s+4\s+0\s+0$"), result.ToString());
        lines.ShouldContain(l => Regex.IsMatch(l, @"^trainings\.csv\s+1\s+1\s+0\s+0$"), result.ToString());
        lines.ShouldContain(l => Regex.IsMatch(l, @"^Summe\s+17\s+17\s+0\s+0$"), result.ToString());
        (await DatabaseContent.CountRowsAsync(temp.Combine("data", "qev.db"))).ShouldBe(MinimalCounts);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Import_SecondRun_SummaryShowsUpdated(TestEngine engine)
    {
        // Given
        using var db = await ImportMinimalAsync(engine);

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "import", db.Folder.WriteImportFolder(Changes(), "zweiter-lauf"), "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.StdOut.Split('\n', StringSplitOptions.TrimEntries);
        lines.ShouldContain(l => Regex.IsMatch(l, @"^staff\.csv\s+2\s+1\s+1\s+0$"), result.ToString());
        lines.ShouldContain(l => Regex.IsMatch(l, @"^Summe\s+9\s+5\s+4\s+0$"), result.ToString());
        (await db.LoadFactsAsync()).StaffById["S-3"].DisplayName.ShouldBe("Clara Fach-Neumann");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Import_SameFolderAgain_RowsReportedUnchangedAndSummaryPrintedOnce(TestEngine engine)
    {
        // Given
        using var db = await ImportMinimalAsync(engine);
        var folder = db.Folder.WriteImportFolder(Minimal(), "gleich");

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "import", folder, "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.StdOut.Split('\n', StringSplitOptions.TrimEntries);
        lines.ShouldContain(l => Regex.IsMatch(l, @"^staff\.csv\s+4\s+0\s+0\s+4$"), result.ToString());
        lines.ShouldContain(l => Regex.IsMatch(l, @"^Summe\s+17\s+0\s+0\s+17$"), result.ToString());
        lines.Count(l => l.StartsWith("staff.csv", StringComparison.Ordinal)).ShouldBe(1, result.ToString());
        Regex.Count(result.StdOut, "abgeschlossen").ShouldBe(1);
        result.StdErr.ShouldBeEmpty(result.ToString());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Import_BrokenFolder_ExitsNonZeroNamesCellAndWritesNothing(TestEngine engine)
    {
        // Given
        using var db = await ImportMinimalAsync(engine);
        var before = await db.SnapshotAsync();
        var files = Changes();
        files["staff.csv"] = Lines(
            "staff_id,organisation_id,display_name,email",
            "S-8,TR-1,Acht,acht@sonnenschein.example.de",
            "S-9,TR-1,Neun,neun.sonnenschein.example.de");

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "import", db.Folder.WriteImportFolder(files, "kaputt"), "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.StdErr.ShouldContain("staff.csv, Zeile 3, Spalte email: ", Case.Sensitive, result.ToString());
        result.StdErr.ShouldContain("keine gültige E-Mail-Adresse", Case.Sensitive, result.ToString());
        result.StdErr.ShouldNotContain("   at ", Case.Sensitive, result.ToString());
        result.StdOut.ShouldNotContain("abgeschlossen", Case.Sensitive, result.ToString());
        (await db.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Import_MissingFolder_ExitsNonZeroWithoutStackTrace(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateEmptyAsync(engine);

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "import", db.Folder.Combine("gibt-es-nicht"), "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.StdErr.ShouldContain("Ordner nicht gefunden", Case.Sensitive, result.ToString());
        result.StdErr.ShouldNotContain("   at ", Case.Sensitive, result.ToString());
    }

    [Theory]
    [InlineEngineData("2026-13-01")]
    [InlineEngineData("01.06.2026")]
    [InlineEngineData("morgen")]
    public async Task Deadlines_AsOfNotADate_ExitsTwoWithOneLine(TestEngine engine, string asOf)
    {
        // Given
        using var db = await TestDatabase.CreateEmptyAsync(engine);

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "deadlines", "--as-of", asOf, "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        ShouldBeOneLineWithoutStackTrace(result);
        result.StdErr.ShouldContain("--as-of", Case.Sensitive, result.ToString());
        result.StdOut.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("deadline")]
    [InlineData("deadlines", "--colour", "rot")]
    public async Task UnknownCommandOrOption_ExitsTwoWithOneLine(params string[] args)
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await QevProcess.RunAsync(temp.Path, [.. args, "--db", temp.Combine("qev.db")]);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        ShouldBeOneLineWithoutStackTrace(result);
        result.StdOut.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("deadlines", "--as-of", "2026-06-01")]
    [InlineData("import", "export")]
    public async Task Db_UnderARegularFile_ExitsTwoWithOneLine(params string[] args)
    {
        // Given
        using var temp = new TempFolder();
        temp.WriteImportFolder(Minimal(), "export");
        temp.WriteText("file.txt", "kein Ordner");

        // When
        var result = await QevProcess.RunAsync(temp.Path, [.. args, "--db", temp.Combine("file.txt", "sub", "qev.db")]);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        ShouldBeOneLineWithoutStackTrace(result);
        result.StdErr.ShouldContain("Datenbank", Case.Sensitive, result.ToString());
        File.ReadAllText(temp.Combine("file.txt")).ShouldBe("kein Ordner");
    }

    [Fact]
    public async Task Db_FileDirectlyUnderARegularFile_ExitsTwoWithOneLine()
    {
        // Given
        using var temp = new TempFolder();
        temp.WriteText("file.txt", "kein Ordner");

        // When
        var result = await QevProcess.RunAsync(temp.Path, "deadlines", "--as-of", "2026-06-01", "--db", temp.Combine("file.txt", "qev.db"));

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        ShouldBeOneLineWithoutStackTrace(result);
    }

    [Fact]
    public async Task Db_IsAFolder_ExitsTwoWithOneLine()
    {
        // Given
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("qev.db"));

        // When
        var result = await QevProcess.RunAsync(temp.Path, "deadlines", "--as-of", "2026-06-01", "--db", temp.Combine("qev.db"));

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        ShouldBeOneLineWithoutStackTrace(result);
    }

    [Theory]
    [InlineData("deadlines", "--as-of", "2026-06-01")]
    [InlineData("import", "export")]
    public async Task Db_CorruptFile_ExitsTwoWithOneLineAndLeavesFileAlone(params string[] args)
    {
        // Given
        using var temp = new TempFolder();
        temp.WriteImportFolder(Minimal(), "export");
        var garbage = new byte[8192];
        new Random(78).NextBytes(garbage);
        var db = temp.WriteBytes("qev.db", garbage);

        // When
        var result = await QevProcess.RunAsync(temp.Path, [.. args, "--db", db]);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        ShouldBeOneLineWithoutStackTrace(result);
        result.StdErr.ShouldContain("Datenbank", Case.Sensitive, result.ToString());
        File.ReadAllBytes(db).ShouldBe(garbage);
    }

    [Theory]
    [InlineEngineData("--format", "xml")]
    [InlineEngineData("--horizon-days", "-1")]
    [InlineEngineData("--horizon-days", "viele")]
    public async Task Deadlines_InvalidOptionValue_ExitsTwoWithOneLine(TestEngine engine, string option, string value)
    {
        // Given
        using var db = await TestDatabase.CreateEmptyAsync(engine);

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "deadlines", "--as-of", "2026-06-01", option, value, "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        ShouldBeOneLineWithoutStackTrace(result);
        result.StdOut.ShouldBeEmpty();
    }

    [Fact]
    public async Task Db_SqliteFileWithDamagedPages_ExitsTwoWithOneLine()
    {
        // Given: a real database whose pages after the first are overwritten.
        using var database = await ImportMinimalAsync(TestEngine.Sqlite);
        var temp = database.Folder;
        var db = database.FilePath;
        File.Delete(db + "-wal");
        File.Delete(db + "-shm");
        var bytes = File.ReadAllBytes(db);
        new Random(78).NextBytes(bytes.AsSpan(4096));
        File.WriteAllBytes(db, bytes);

        // When
        var result = await QevProcess.RunAsync(temp.Path, "deadlines", "--as-of", "2026-06-01", "--db", db);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        ShouldBeOneLineWithoutStackTrace(result);
        result.StdOut.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("deadlines", "unknown-role")]
    [InlineData("deadlines", "unknown-database")]
    [InlineData("deadlines", "closed-port")]
    [InlineData("import", "unknown-role")]
    [InlineData("import", "closed-port")]
    public async Task Db_PostgresRefusesOrUnreachable_ExitsTwoWithOneLine(string command, string fault)
    {
        // Given: the test server's address with one thing wrong. Every variant names a database that does not exist, so
        // even a server that trusts every login never lets this test write anywhere.
        using var temp = new TempFolder();
        var folder = temp.WriteImportFolder(Minimal(), "export");
        var secret = "geheim-" + Guid.NewGuid().ToString("N")[..8];
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString)
        {
            Database = "qev_gibt_es_nicht_" + Guid.NewGuid().ToString("N")[..8],
            Password = secret,
            Timeout = 5,
        };
        if (fault == "unknown-role")
        {
            builder.Username = "qev_niemand";
        }
        else if (fault == "closed-port")
        {
            builder.Port = ClosedPort();
        }

        string[] args = command == "import" ? ["import", folder] : ["deadlines", "--as-of", "2026-06-01"];

        // When
        var result = await QevProcess.RunAsync(temp.Path, [.. args, "--db", builder.ToString()]);

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        ShouldBeOneLineWithoutStackTrace(result);
        result.StdErr.ShouldContain("PostgreSQL", Case.Sensitive, result.ToString());
        result.StdErr.ShouldNotContain(secret, Case.Sensitive, result.ToString());
        result.StdOut.ShouldBeEmpty();
    }

    /// <summary>A loopback port nothing listens on (just released by the system, so very likely still free).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Deadlines_Json_PrintsOnlyOneArrayWithContractFieldsInOrder(TestEngine engine)
    {
        // Given
        using var db = await ImportMinimalAsync(engine);

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "deadlines", "--format", "json", "--as-of", "2026-06-01", "--db", db.ConnectionString);

        // Then: JsonDocument.Parse refuses anything but one JSON value, surrounded by whitespace at most.
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        json.RootElement.ValueKind.ShouldBe(JsonValueKind.Array);
        var rows = json.RootElement.EnumerateArray().ToList();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(row => row.EnumerateObject().Select(p => p.Name).SequenceEqual(ContractFields));
        rows.Select(r => r.GetProperty("dueDate").GetString()).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
        rows.Select(r => (Text(r, "rule"), Text(r, "subjectId"), Text(r, "dueDate"), Text(r, "status"))).ShouldBe(
        [
            ("F12", "S-2", "2019-05-01", "overdue"),
            ("F12", "S-3", "2026-06-01", "due"),
            ("F01", "M-2", "2026-07-06", "upcoming"),
        ]);
        var f01 = rows.Single(r => Text(r, "rule") == "F01");
        f01.GetProperty("name").GetString().ShouldBe("Entwicklungsbericht");
        f01.GetProperty("subjectType").GetString().ShouldBe("meeting");
        f01.GetProperty("caseId").GetString().ShouldBe("C-1");
        f01.GetProperty("fileReference").GetString().ShouldBe("51.2-0815/25");
        f01.GetProperty("responsibleStaffId").GetString().ShouldBe("S-3");
        f01.GetProperty("escalationStaffId").GetString().ShouldBe("S-2");
        var f12 = rows.First(r => Text(r, "rule") == "F12");
        f12.GetProperty("subjectType").GetString().ShouldBe("staff");
        f12.GetProperty("caseId").ValueKind.ShouldBe(JsonValueKind.Null);
        f12.GetProperty("fileReference").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Deadlines_JsonOnEmptyDatabase_PrintsEmptyArray(TestEngine engine)
    {
        // Given: on PostgreSQL a database without schema, which the binary migrates before it reads; on SQLite an empty
        // but existing file, since read-only commands never create one (ReadOnlyCommandTests).
        using var db = engine == TestEngine.Sqlite ? await TestDatabase.CreateAsync(engine) : await TestDatabase.CreateEmptyAsync(engine);

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "deadlines", "--format", "json", "--as-of", "2026-06-01", "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        json.RootElement.GetArrayLength().ShouldBe(0);
        (await db.CountRowsAsync()).Values.ShouldAllBe(count => count == 0);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Deadlines_Table_PrintsGermanHeadersAndCountPerStatus(TestEngine engine)
    {
        // Given
        using var db = await ImportMinimalAsync(engine);

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "deadlines", "--format", "table", "--as-of", "2026-06-01", "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.StdOut.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldContain("Fristen zum 01.06.2026", result.ToString());
        lines.ShouldContain(
            l => Regex.Split(l, @"\s{2,}").SequenceEqual(new[] { "Status", "Fällig am", "Frist", "Pflicht", "Bezug", "Aktenzeichen", "Verantwortlich", "Eskalation an" }),
            result.ToString());
        lines.ShouldContain("3 Fristen: 1 überfällig, 1 heute fällig, 1 anstehend", result.ToString());
        lines.ShouldContain(l => l.StartsWith("!! überfällig", StringComparison.Ordinal) && l.Contains("S-2", StringComparison.Ordinal), result.ToString());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Deadlines_TableAndJson_CountTheSameDeadlines(TestEngine engine)
    {
        // Given
        using var db = await ImportMinimalAsync(engine);

        // When
        var json = await QevProcess.RunAsync(db.Folder.Path, "deadlines", "--format", "json", "--as-of", "2026-06-01", "--horizon-days", "400", "--db", db.ConnectionString);
        var table = await QevProcess.RunAsync(db.Folder.Path, "deadlines", "--format", "table", "--as-of", "2026-06-01", "--horizon-days", "400", "--db", db.ConnectionString);

        // Then
        json.ExitCode.ShouldBe(0, json.ToString());
        table.ExitCode.ShouldBe(0, table.ToString());
        using var doc = JsonDocument.Parse(json.StdOut);
        var statuses = doc.RootElement.EnumerateArray().Select(r => Text(r, "status")).ToList();
        var expected = $"{statuses.Count} Fristen: {statuses.Count(s => s == "overdue")} überfällig, "
            + $"{statuses.Count(s => s == "due")} heute fällig, {statuses.Count(s => s == "upcoming")} anstehend";
        table.StdOut.Split('\n', StringSplitOptions.TrimEntries).ShouldContain(expected, table.ToString());
    }

    private static string? Text(JsonElement row, string field) => row.GetProperty(field).GetString();
}
