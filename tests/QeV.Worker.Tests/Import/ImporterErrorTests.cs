using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using QeV.Worker.Import;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Support.ImportFiles;
using static QeV.Worker.Tests.Import.ImportRefusal;

namespace QeV.Worker.Tests.Import;

/// <summary>
/// A bad row refuses the whole run: the error names file, line, column and a German reason, and the database keeps
/// exactly what it had. Each broken folder otherwise carries valid changes, so a partial write would show. Here: keys
/// and references, the all-or-nothing write and the folder; cells and file format in <see cref="ImporterCellErrorTests"/>
/// and <see cref="ImporterFileErrorTests"/>.
/// </summary>
public sealed class ImporterErrorTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_DuplicateIdInOneRun_NamesSecondLineAndFirstLine(TestEngine engine)
    {
        // Given
        var files = ChangesWith("staff.csv",
            "staff_id,organisation_id,display_name",
            "S-5,TR-1,Emil Neu",
            "S-6,TR-1,Frieda Neu",
            "S-5,TR-1,Emil Doppelt");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "staff.csv", 4, "staff_id", "doppelt");
        ex.Errors[0].Reason.ShouldContain("S-5");
        ex.Errors[0].Reason.ShouldContain("Zeile 2");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_DuplicateCompositeKeyInOneRun_Refused(TestEngine engine)
    {
        // Given
        var files = ChangesWith("fuehrungszeugnisse.csv",
            "staff_id,issued_date,presented_date",
            "S-2,2025-12-01,2026-01-05",
            "S-2,2025-12-01,2026-01-09");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "fuehrungszeugnisse.csv", 3, "staff_id", "doppelt");
        ex.Errors[0].Reason.ShouldContain("Zeile 2");
    }

    [Theory]
    [InlineEngineData("cases.csv", "case_id,file_reference,start_date,case_manager_staff_id", "C-9,51.2-9/26,2026-01-01,S-99", "case_manager_staff_id", "S-99")]
    [InlineEngineData("cases.csv", "case_id,file_reference,start_date,case_manager_staff_id,provider_organisation_id", "C-9,51.2-9/26,2026-01-01,S-1,TR-404", "provider_organisation_id", "TR-404")]
    [InlineEngineData("teams.csv", "team_id,organisation_id,name,lead_staff_id", "T-9,TR-1,Team Süd,S-99", "lead_staff_id", "S-99")]
    [InlineEngineData("meetings.csv", "meeting_id,case_id,kind,date,status", "M-9,C-99,initial,2026-01-01,held", "case_id", "C-99")]
    [InlineEngineData("reports.csv", "report_id,kind,organisation_id,meeting_id,received_date", "R-9,entwicklungsbericht,TR-1,M-99,2026-01-01", "meeting_id", "M-99")]
    [InlineEngineData("trainings.csv", "staff_id,date,kind,minutes", "s-1,2026-01-01,fortbildung,60", "staff_id", "s-1")]
    public async Task ImportAsync_ReferenceNeitherInDatabaseNorInRun_Refused(TestEngine engine, string file, string header, string row, string column, string id)
    {
        // Given
        var files = ChangesWith(file, header, row);

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), file, 2, column, "weder in der Datenbank noch in");
        ex.Errors[0].Reason.ShouldContain($"„{id}“");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_DatabaseRefusesLastTable_EarlierTablesRolledBack(TestEngine engine)
    {
        // Given: valid files, but the database itself refuses the last table mid-write.
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        await RefuseInsertsIntoTrainingsAsync(db);
        var before = await db.SnapshotAsync();

        // When
        var ex = await Should.ThrowAsync<DbException>(() => db.ImportAsync(Changes()));

        // Then
        ex.ShouldBeOfType(engine == TestEngine.Postgres ? typeof(PostgresException) : typeof(SqliteException));
        ex.Message.ShouldContain("refused by test");
        (await db.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_ErrorInLastFile_EarlierValidFilesNotWritten(TestEngine engine)
    {
        // Given: every file but the last is valid and would change the database.
        var files = Changes();
        files["trainings.csv"] = Lines(
            "staff_id,date,kind,minutes",
            "S-3,2026-02-10,fortbildung,240",
            "S-2,2026-02-11,supervision,anderthalb Stunden");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "trainings.csv", 3, "minutes", "keine ganze Zahl");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_ErrorIntoEmptyDatabase_WritesNothing(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = Minimal();
        files["trainings.csv"] = Lines("staff_id,date,kind,minutes", "S-3,2026-02-10,fortbildung,-5");

        // When
        var ex = await Should.ThrowAsync<ImportFailedException>(() => db.ImportAsync(files));

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "trainings.csv", 2, "minutes", "keine ganze Zahl");
        (await db.CountRowsAsync()).Values.ShouldAllBe(count => count == 0);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_SeveralErrors_AllReportedInFileAndLineOrder(TestEngine engine)
    {
        // Given
        var files = Changes();
        files["trainings.csv"] = Lines("staff_id,date,kind,minutes", "S-3,2026-02-10,yoga,60");
        files["staff.csv"] = Lines(
            "staff_id,organisation_id,display_name,email",
            "S-8,TR-1,Acht,acht(at)example.de",
            "S-9,TR-1,,neun@example.de");
        files["organisations.csv"] = Lines("organisation_id,kind,name", "TR-9,traeger,Neu", "TR-9,traeger,Doppelt");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ex.Errors.Select(e => (e.File, e.Line, e.Column)).ShouldBe(
        [
            ("organisations.csv", 3, "organisation_id"),
            ("staff.csv", 2, "email"),
            ("staff.csv", 3, "display_name"),
            ("trainings.csv", 2, "kind"),
        ]);
        ex.Message.ShouldBe("Import abgebrochen: 4 Fehler, es wurde nichts geschrieben.");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_FolderMissing_Refused(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var folder = db.Folder.Combine("gibt-es-nicht");

        // When
        var ex = await Should.ThrowAsync<ImportFailedException>(() => db.ImportAsync(folder));

        // Then
        ex.Errors.ShouldHaveSingleItem().Reason.ShouldContain("Ordner nicht gefunden");
        (await db.CountRowsAsync()).Values.ShouldAllBe(count => count == 0);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_FolderWithoutImportFiles_Refused(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var folder = db.Folder.WriteImportFolder(new Dictionary<string, string> { ["mitarbeiter.csv"] = Lines("id,name", "1,Anna") });

        // When
        var ex = await Should.ThrowAsync<ImportFailedException>(() => db.ImportAsync(folder));

        // Then
        ex.Errors.ShouldHaveSingleItem().Reason.ShouldContain("keine Importdatei gefunden");
    }
}
