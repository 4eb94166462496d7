using System.Text;
using QeV.Worker.Import;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Support.ImportFiles;

namespace QeV.Worker.Tests.Import;

/// <summary>
/// The streaming import at more rows than one bulk batch holds: references and duplicates are checked across batch
/// boundaries, against the database and the same run, and a refusal anywhere leaves the database as it was.
/// </summary>
public sealed class StagedImportTests
{
    private const int Rows = StagedImport.RowsPerBatch * 2 + 17;

    private const string AppointmentsHeader = "appointment_id,case_id,date,outcome\n";

    /// <summary>The file with appointments A-1 … A-n (or the ids given), every one for <paramref name="caseId"/>.</summary>
    private static string Appointments(int count, string caseId, Func<int, string>? id = null) =>
        AppointmentsHeader + AppointmentRows(count, caseId, id);

    private static string AppointmentRows(int count, string caseId, Func<int, string>? id = null)
    {
        var sb = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            sb.Append(id?.Invoke(i) ?? $"A-{i}").Append(',').Append(caseId).Append(",2026-05-04,attended\n");
        }

        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_ReferencesToDatabaseAndToLaterRowsAcrossBatches_Accepted(TestEngine engine)
    {
        // Given: C-1 is in the database; C-2 arrives in this run, in cases.csv, and staff S-5 names S-6 of a later line.
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        var files = new Dictionary<string, string>
        {
            ["staff.csv"] = Lines("staff_id,organisation_id,display_name,deputy_staff_id", "S-5,TR-1,Emil,S-6", "S-6,TR-1,Frieda,S-5"),
            ["cases.csv"] = Lines("case_id,file_reference,start_date,case_manager_staff_id,key_worker_staff_id", "C-2,51.2-2/26,2026-01-01,S-1,S-6"),
            ["appointments.csv"] = Appointments(Rows, "C-1") + AppointmentRows(3, "C-2", i => $"B-{i}"),
        };

        // When
        var summary = await db.ImportAsync(files);

        // Then: were already stored with the same values except A-2's outcome.
        var appointments = summary.Files.Single(f => f.File == "appointments.csv");
        appointments.ShouldBe(new ImportFileSummary("appointments.csv", Rows + 3, Rows + 3 - 2, 1, 1));
        (await db.CountRowsAsync())["appointments"].ShouldBe(Rows + 3);
        (await db.ScalarAsync<string>("SELECT case_id FROM appointments WHERE appointment_id = 'B-3'")).ShouldBe("C-2");
        (await db.ScalarAsync<string>("SELECT deputy_staff_id FROM staff WHERE staff_id = 'S-5'")).ShouldBe("S-6");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_DuplicateKeyAcrossBatchBoundary_NamesBothLines(TestEngine engine)
    {
        // Given: the key of line 3 comes back in the third batch.
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        var before = await db.SnapshotAsync();
        var duplicateLine = StagedImport.RowsPerBatch * 2 + 5;
        var files = Changes();
        files["appointments.csv"] = Appointments(Rows, "C-1", i => i == duplicateLine - 1 ? "X-2" : i == 2 ? "X-2" : $"N-{i}");

        // When
        var ex = await Should.ThrowAsync<ImportFailedException>(() => db.ImportAsync(files));

        // Then
        var error = ex.Errors.ShouldHaveSingleItem();
        error.ToString().ShouldBe($"appointments.csv, Zeile {duplicateLine}, Spalte appointment_id: „X-2“ kommt doppelt vor (zuerst in Zeile 3).");
        (await db.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_BadReferenceInLastRowOfLastFile_NothingWritten(TestEngine engine)
    {
        // Given: several batches of valid rows in earlier files, and the very last row of the last file points nowhere.
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        var before = await db.SnapshotAsync();
        var files = Changes();
        files["appointments.csv"] = Appointments(Rows, "C-1", i => $"N-{i}");
        files["provider_dialogues.csv"] = Lines("dialogue_id,provider_organisation_id,date,topic", "D-1,TR-1,2026-03-01,Qualität", "D-2,TR-404,2026-03-02,Entgelt");

        // When
        var ex = await Should.ThrowAsync<ImportFailedException>(() => db.ImportAsync(files));

        // Then
        ex.Errors.ShouldHaveSingleItem().ToString().ShouldBe(
            "provider_dialogues.csv, Zeile 3, Spalte provider_organisation_id: verweist auf „TR-404“, das weder in der Datenbank noch in organisations.csv existiert.");
        (await db.SnapshotAsync()).ShouldBe(before);
        (await db.CountRowsAsync()).ShouldBe(MinimalCounts);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_SameLargeFolderTwice_SecondRunWritesNothingAndCountsUnchanged(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = Minimal();
        files["appointments.csv"] = Appointments(Rows, "C-1");
        await db.ImportAsync(files);
        var before = await db.SnapshotAsync();

        // When
        var summary = await db.ImportAsync(files);

        // Then
        summary.Files.Single(f => f.File == "appointments.csv").ShouldBe(new ImportFileSummary("appointments.csv", Rows, 0, 0, Rows));
        summary.TotalInserted.ShouldBe(0);
        summary.TotalUpdated.ShouldBe(0);
        (await db.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_UmlautAcrossReadBlockAndLatin1ByteFarInFile_NamesLineOfBadByte(TestEngine engine)
    {
        // Given: valid UTF-8 beyond the checker's 1 MiB block, an "ü" split by the block boundary, and a Latin-1 byte later.
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        var before = await db.SnapshotAsync();
        var header = Encoding.UTF8.GetBytes("session_id,organisation_id,date,topic\n");
        var bytes = new List<byte>(header);
        var line = 1;
        while (bytes.Count < (1 << 20) - 100)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes($"S-{++line},JA-1,2026-01-01,Planung\n"));
        }

        var prefix = Encoding.UTF8.GetBytes($"S-{++line},JA-1,2026-01-01,");
        bytes.AddRange(prefix);
        bytes.AddRange(Enumerable.Repeat((byte)'x', (1 << 20) - 1 - bytes.Count));
        bytes.AddRange(Encoding.UTF8.GetBytes("ü\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes($"S-{++line},JA-1,2026-01-01,Prüfung\n"));
        var folder = db.Folder.WriteImportFolder(new Dictionary<string, string>());
        File.WriteAllBytes(Path.Combine(folder, "ag78_sessions.csv"), [.. bytes]);
        var clean = await db.ImportAsync(folder);
        clean.Files.ShouldHaveSingleItem().Read.ShouldBe(line - 1);
        bytes.AddRange(Encoding.Latin1.GetBytes($"S-{++line},JA-1,2026-01-01,Müll\n"));
        File.WriteAllBytes(Path.Combine(folder, "ag78_sessions.csv"), [.. bytes]);
        var afterClean = await db.SnapshotAsync();

        // When
        var ex = await Should.ThrowAsync<ImportFailedException>(() => db.ImportAsync(folder));

        // Then
        ex.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith($"ag78_sessions.csv, Zeile {line}: Datei ist nicht UTF-8-kodiert");
        (await db.SnapshotAsync()).ShouldBe(afterClean);
        afterClean.ShouldNotBe(before);
    }
}
