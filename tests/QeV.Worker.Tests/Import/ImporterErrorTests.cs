using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using QeV.Worker.Import;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Support.ImportFiles;

namespace QeV.Worker.Tests.Import;

/// <summary>
/// A bad row refuses the whole run: the error names file, line, column and a German reason, and the database keeps
/// exactly what it had. Each broken folder otherwise carries valid changes, so a partial write would show.
/// </summary>
public sealed class ImporterErrorTests
{
    /// <summary>Imports <see cref="ImportFiles.Minimal"/>, then expects <paramref name="files"/> to be refused without a trace.</summary>
    private static async Task<ImportFailedException> RefusedOnTopOfMinimalAsync(TestEngine engine, Dictionary<string, string> files)
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
    private static Dictionary<string, string> ChangesWith(string file, params string[] lines)
    {
        var files = Changes();
        files[file] = Lines(lines);
        return files;
    }

    private static void ShouldName(ImportError error, string file, int line, string? column, string reasonPart)
    {
        error.File.ShouldBe(file);
        error.Line.ShouldBe(line);
        error.Column.ShouldBe(column);
        error.Reason.ShouldContain(reasonPart, Case.Sensitive);
        error.ToString().ShouldStartWith(column is null ? $"{file}, Zeile {line}: " : $"{file}, Zeile {line}, Spalte {column}: ");
    }

    /// <summary>A trigger that makes the database itself refuse every insert into trainings, in each engine's dialect.</summary>
    private static Task RefuseInsertsIntoTrainingsAsync(TestDatabase db) => db.Engine == TestEngine.Postgres
        ? db.ExecuteAsync("""
            CREATE FUNCTION refuse_trainings() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'refused by test'; END $$;
            CREATE TRIGGER refuse_trainings BEFORE INSERT ON trainings FOR EACH ROW EXECUTE FUNCTION refuse_trainings();
            """)
        : db.ExecuteAsync("CREATE TRIGGER refuse_trainings BEFORE INSERT ON trainings BEGIN SELECT RAISE(ABORT, 'refused by test'); END");

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
    [InlineEngineData("organisations.csv", "organisation_id,kind,name", "TR-9,verein,Verein", "kind", "verein")]
    [InlineEngineData("staff.csv", "staff_id,organisation_id,display_name,role", "S-9,TR-1,Neu,chef", "role", "chef")]
    [InlineEngineData("cases.csv", "case_id,file_reference,hilfeart,start_date,case_manager_staff_id", "C-9,51.2-9/26,34,2026-01-01,S-1", "hilfeart", "34")]
    [InlineEngineData("meetings.csv", "meeting_id,case_id,kind,date,status", "M-9,C-1,fortschreibung,2026-01-01,done", "status", "done")]
    [InlineEngineData("appointments.csv", "appointment_id,case_id,date,outcome", "A-9,C-1,2026-01-01,noshow", "outcome", "noshow")]
    [InlineEngineData("agreements.csv", "agreement_id,provider_organisation_id,kind,concluded_date", "AG-9,TR-1,rahmenvertrag,2026-01-01", "kind", "rahmenvertrag")]
    [InlineEngineData("trainings.csv", "staff_id,date,kind,minutes", "S-1,2026-01-01,seminar,60", "kind", "seminar")]
    public async Task ImportAsync_UnknownEnumValue_Refused(TestEngine engine, string file, string header, string row, string column, string value)
    {
        // Given
        var files = ChangesWith(file, header, row);

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), file, 2, column, $"unbekannter Wert „{value}“");
        ex.Errors[0].Reason.ShouldContain("erlaubt:");
    }

    [Theory]
    [InlineEngineData("2026-02-30")]
    [InlineEngineData("31.12.2026")]
    [InlineEngineData("2026-2-3")]
    [InlineEngineData("2026-13-01")]
    [InlineEngineData("heute")]
    public async Task ImportAsync_InvalidDate_Refused(TestEngine engine, string date)
    {
        // Given
        var files = ChangesWith("cases.csv",
            "case_id,file_reference,start_date,case_manager_staff_id",
            "C-8,51.2-8/26,2026-01-01,S-1",
            $"C-9,51.2-9/26,{date},S-1");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "cases.csv", 3, "start_date", "kein gültiges Datum");
        ex.Errors[0].Reason.ShouldContain($"„{date}“");
    }

    [Theory]
    // Seed 000, Hilfeplanverfahren: "In Vorbereitung der Hilfeplanfortschreibung erhält die fallführende Fachkraft zwei
    // Wochen vorab einen Entwicklungsbericht" — a Fortschreibung in year 0001 would make "zwei Wochen vorab" fall off
    // the calendar and stop every deadline; the import refuses it and names where it is.
    [InlineEngineData("0001-01-01")]
    [InlineEngineData("1899-12-31")]
    [InlineEngineData("2101-01-01")]
    [InlineEngineData("9999-12-31")]
    public async Task ImportAsync_DateOutsidePlausibleRange_RefusedWithFileLineColumn(TestEngine engine, string date)
    {
        // Given
        var files = ChangesWith("meetings.csv",
            "meeting_id,case_id,kind,date,status",
            "M-8,C-1,fortschreibung,2026-09-20,planned",
            $"M-9,C-1,fortschreibung,{date},planned");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "meetings.csv", 3, "date", "außerhalb des plausiblen Bereichs");
        ex.Errors[0].Reason.ShouldContain("1900-01-01 bis 2100-12-31");
    }

    [Theory]
    // Seed 000, Personelle Ausstattung: "Für jede Fachkraft … liegt ein erweitertes Führungszeugnis vor" — the edges
    // of the plausible range themselves are dates a record may carry.
    [InlineEngineData("1900-01-01")]
    [InlineEngineData("2100-12-31")]
    public async Task ImportAsync_DateOnEdgeOfPlausibleRange_Accepted(TestEngine engine, string date)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = Minimal();
        files["fuehrungszeugnisse.csv"] = Lines("staff_id,issued_date,presented_date", $"S-3,{date},");

        // When
        var summary = await db.ImportAsync(files);

        // Then
        summary.ShouldNotBeNull();
        (await db.CountRowsAsync())["fuehrungszeugnisse"].ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_InvalidOptionalDate_Refused(TestEngine engine)
    {
        // Given
        var files = ChangesWith("staff.csv",
            "staff_id,organisation_id,display_name,absent_from",
            "S-9,TR-1,Neu,30.02.2026");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "staff.csv", 2, "absent_from", "kein gültiges Datum");
    }

    [Theory]
    [InlineEngineData("anna.example.de")]
    [InlineEngineData("anna@")]
    [InlineEngineData("@example.de")]
    [InlineEngineData("anna@localhost")]
    [InlineEngineData("anna amt@example.de")]
    [InlineEngineData("Anna Amt <anna@example.de>")]
    [InlineEngineData("anna@@example.de")]
    public async Task ImportAsync_InvalidEmail_Refused(TestEngine engine, string email)
    {
        // Given
        var files = ChangesWith("staff.csv",
            "staff_id,organisation_id,display_name,email",
            $"S-9,TR-1,Neu,{Field(email)}");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "staff.csv", 2, "email", "keine gültige E-Mail-Adresse");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_InvalidOrganisationEmail_Refused(TestEngine engine)
    {
        // Given
        var files = ChangesWith("organisations.csv",
            "organisation_id,kind,name,contact_email",
            "TR-9,traeger,Neu,info(at)neu.example.de");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "organisations.csv", 2, "contact_email", "keine gültige E-Mail-Adresse");
    }

    [Theory]
    [InlineEngineData("staff.csv", "staff_id,organisation_id,display_name", "S-9,TR-1,", "display_name")]
    [InlineEngineData("staff.csv", "staff_id,organisation_id,display_name", "S-9,TR-1,\"   \"", "display_name")]
    [InlineEngineData("staff.csv", "staff_id,organisation_id,display_name", ",TR-1,Neu", "staff_id")]
    [InlineEngineData("cases.csv", "case_id,file_reference,start_date,case_manager_staff_id", "C-9,,2026-01-01,S-1", "file_reference")]
    [InlineEngineData("cases.csv", "case_id,file_reference,start_date,case_manager_staff_id", "C-9,51.2-9/26,2026-01-01,", "case_manager_staff_id")]
    [InlineEngineData("meetings.csv", "meeting_id,case_id,kind,date,status", "M-9,C-1,initial,2026-01-01,", "status")]
    [InlineEngineData("trainings.csv", "staff_id,date,kind,minutes", "S-1,2026-01-01,fortbildung,", "minutes")]
    public async Task ImportAsync_EmptyRequiredCell_Refused(TestEngine engine, string file, string header, string row, string column)
    {
        // Given
        var files = ChangesWith(file, header, row);

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), file, 2, column, "Pflichtfeld ist leer");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_RequiredHeaderColumnMissing_NamesLineOneAndColumn(TestEngine engine)
    {
        // Given
        var files = ChangesWith("staff.csv",
            "staff_id,organisation_id,email",
            "S-9,TR-1,neu@sonnenschein.example.de");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "staff.csv", 1, "display_name", "Pflichtspalte fehlt");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_RequiredHeaderColumnMissingInHeaderOnlyFile_Refused(TestEngine engine)
    {
        // Given
        var files = ChangesWith("staff.csv", "staff_id,organisation_id,email");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "staff.csv", 1, "display_name", "Pflichtspalte fehlt");
    }

    [Theory]
    [InlineEngineData("S-9,TR-1,Neu,neu@sonnenschein.example.de,zu viel", 5)]
    [InlineEngineData("S-9,TR-1,Neu", 3)]
    public async Task ImportAsync_WrongFieldCount_NamesLine(TestEngine engine, string row, int fields)
    {
        // Given
        var files = ChangesWith("staff.csv",
            "staff_id,organisation_id,display_name,email",
            "S-8,TR-1,Acht,acht@sonnenschein.example.de",
            row);

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "staff.csv", 3, null, $"Zeile hat {fields} Felder, die Kopfzeile 4");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_FileNotUtf8_NamesLineOfFirstBadByte(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        var before = await db.SnapshotAsync();
        var folder = db.Folder.WriteImportFolder(Changes());
        var latin1 = Encoding.Latin1.GetBytes(Lines(
            "staff_id,organisation_id,display_name",
            "S-8,TR-1,Acht",
            "S-9,TR-1,Jürgen Müller"));
        File.WriteAllBytes(Path.Combine(folder, "staff.csv"), latin1);

        // When
        var ex = await Should.ThrowAsync<ImportFailedException>(() => db.ImportAsync(folder));

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "staff.csv", 3, null, "nicht UTF-8");
        (await db.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_MalformedQuotes_NamesLine(TestEngine engine)
    {
        // Given
        var files = ChangesWith("staff.csv",
            "staff_id,organisation_id,display_name",
            "S-8,TR-1,Acht",
            "S-9,TR-1,\"Neu\" Kollege");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "staff.csv", 3, null, "Anführungszeichen");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_UnterminatedQuote_ReportedInsteadOfSwallowingLaterRows(TestEngine engine)
    {
        // Given
        var files = ChangesWith("staff.csv",
            "staff_id,organisation_id,display_name",
            "S-8,TR-1,Acht",
            "S-9,TR-1,\"Neun",
            "S-10,TR-1,Zehn");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "staff.csv", 3, null, "Anführungszeichen");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_ErrorInSemicolonCrlfFileWithBom_NamesPhysicalLine(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        var before = await db.SnapshotAsync();
        var folder = db.Folder.WriteImportFolder(Changes());
        var text = "staff_id;organisation_id;display_name;email\r\n"
            + "S-8;TR-1;\"Acht\r\nmit Umbruch\";acht@sonnenschein.example.de\r\n"
            + "S-9;TR-1;Neun;neun@sonnenschein\r\n";
        File.WriteAllBytes(Path.Combine(folder, "staff.csv"), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        // When
        var ex = await Should.ThrowAsync<ImportFailedException>(() => db.ImportAsync(folder));

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "staff.csv", 4, "email", "keine gültige E-Mail-Adresse");
        (await db.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_ErrorAfterBlankLines_NamesPhysicalLine(TestEngine engine)
    {
        // Given
        var files = ChangesWith("staff.csv",
            "staff_id,organisation_id,display_name,role",
            "",
            "S-8,TR-1,Acht,fachkraft",
            "",
            "S-9,TR-1,Neun,praktikant");

        // When
        var ex = await RefusedOnTopOfMinimalAsync(engine, files);

        // Then
        ShouldName(ex.Errors.ShouldHaveSingleItem(), "staff.csv", 5, "role", "unbekannter Wert „praktikant“");
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
