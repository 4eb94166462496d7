using System.Text;
using QeV.Domain.Facts;
using QeV.Worker.Import;
using QeV.Worker.Tests.Support;
using Case = QeV.Domain.Facts.Case;
using static QeV.Worker.Tests.Support.ImportFiles;

namespace QeV.Worker.Tests.Import;

/// <summary>`qev import &lt;folder&gt;` as CONTRACT.md describes it, against a database of its own per test, on SQLite and PostgreSQL.</summary>
public sealed class ImporterTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_MinimalFolder_SummaryCountsEveryRowAsInserted(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);

        // When
        var summary = await db.ImportAsync(Minimal());

        // Then
        summary.Files.ShouldBe(
        [
            new ImportFileSummary("organisations.csv", 2, 2, 0),
            new ImportFileSummary("teams.csv", 1, 1, 0),
            new ImportFileSummary("staff.csv", 4, 4, 0),
            new ImportFileSummary("cases.csv", 1, 1, 0),
            new ImportFileSummary("meetings.csv", 2, 2, 0),
            new ImportFileSummary("reports.csv", 1, 1, 0),
            new ImportFileSummary("appointments.csv", 2, 2, 0),
            new ImportFileSummary("fuehrungszeugnisse.csv", 1, 1, 0),
            new ImportFileSummary("agreements.csv", 1, 1, 0),
            new ImportFileSummary("ag78_sessions.csv", 1, 1, 0),
            new ImportFileSummary("trainings.csv", 1, 1, 0),
        ]);
        summary.TotalRead.ShouldBe(17);
        summary.TotalInserted.ShouldBe(17);
        summary.TotalUpdated.ShouldBe(0);
        (await db.CountRowsAsync()).ShouldBe(MinimalCounts);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_MinimalFolder_StoresTypedValues(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);

        // When
        await db.ImportAsync(Minimal());
        var facts = await db.LoadFactsAsync();

        // Then
        facts.OrganisationById["TR-1"].ShouldBe(new Organisation(
            "TR-1", OrganisationKind.Traeger, "Kinder- und Jugendhilfe Sonnenschein e. V.", "info@sonnenschein.example.de", "ST"));
        facts.TeamById["T-1"].ShouldBe(new Team("T-1", "TR-1", "Team Nord", "S-2", "S-3"));
        facts.StaffById["S-3"].ShouldBe(new Staff(
            "S-3", "TR-1", "T-1", "Clara Fach", "clara@sonnenschein.example.de", StaffRole.Fachkraft, true, null,
            new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 13), new DateOnly(2021, 2, 1)));
        facts.StaffById["S-4"].Active.ShouldBeFalse();
        facts.StaffById["S-4"].Role.ShouldBe(StaffRole.Leitung);
        facts.CaseById["C-1"].ShouldBe(new Case("C-1", "51.2-0815/25", "31", new DateOnly(2025, 1, 15), null, "S-1", "TR-1", "S-3"));
        facts.Meetings.Single(m => m.MeetingId == "M-1").ShouldBe(new CarePlanMeeting(
            "M-1", "C-1", MeetingKind.Initial, new DateOnly(2025, 1, 20), MeetingStatus.Held, new DateOnly(2025, 2, 3), new DateOnly(2025, 2, 10)));
        facts.Reports.Single().ShouldBe(new Report("R-1", ReportKind.Leistungsbericht, "TR-1", null, null, "2024/2025", new DateOnly(2026, 1, 30)));
        facts.Appointments.Single(a => a.AppointmentId == "A-2").Outcome.ShouldBe(AppointmentOutcome.NoShow);
        facts.Fuehrungszeugnisse.Single().ShouldBe(new Fuehrungszeugnis("S-3", new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 15)));
        facts.Agreements.Single().ShouldBe(new Agreement(
            "AG-1", "TR-1", AgreementKind.Qev, new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 9, 30)));
        facts.Ag78Sessions.Single().ShouldBe(new Ag78Session("AG78-1", "JA-1", new DateOnly(2024, 3, 12), "Standards der Hilfeplanung"));
        facts.Trainings.Single().ShouldBe(new Training("S-3", new DateOnly(2026, 2, 10), TrainingKind.Fortbildung, 480));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_SecondRunWithChangedRows_ReportsUpdatedAndStoresNewValues(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());

        // When
        var summary = await db.ImportAsync(Changes());

        // Then
        summary.Files.ShouldBe(
        [
            new ImportFileSummary("organisations.csv", 2, 1, 1),
            new ImportFileSummary("staff.csv", 2, 1, 1),
            new ImportFileSummary("cases.csv", 1, 1, 0),
            new ImportFileSummary("fuehrungszeugnisse.csv", 2, 1, 1),
            new ImportFileSummary("trainings.csv", 2, 1, 1),
        ]);
        var facts = await db.LoadFactsAsync();
        facts.OrganisationById["JA-1"].Name.ShouldBe("Jugendamt der Landeshauptstadt Magdeburg");
        facts.StaffById["S-3"].DisplayName.ShouldBe("Clara Fach-Neumann");
        facts.StaffById["S-3"].AbsentFrom.ShouldBeNull();
        facts.StaffById["S-3"].AbsentUntil.ShouldBeNull();
        facts.Fuehrungszeugnisse.Single(f => f.StaffId == "S-3").PresentedDate.ShouldBe(new DateOnly(2021, 6, 20));
        facts.Trainings.Single(t => t.StaffId == "S-3").Minutes.ShouldBe(240);
        facts.CaseById["C-2"].KeyWorkerStaffId.ShouldBe("S-3");
        facts.StaffById["S-5"].TeamId.ShouldBe("T-1");
        var counts = await db.CountRowsAsync();
        counts["organisations"].ShouldBe(3);
        counts["staff"].ShouldBe(5);
        counts["cases"].ShouldBe(2);
        counts["fuehrungszeugnisse"].ShouldBe(2);
        counts["trainings"].ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_SameFolderTwice_SecondRunReportsUnchangedAndKeepsContent(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        var before = await db.SnapshotAsync();

        // When
        var summary = await db.ImportAsync(Minimal());

        // Then
        summary.TotalRead.ShouldBe(17);
        summary.TotalInserted.ShouldBe(0);
        summary.TotalUpdated.ShouldBe(0);
        summary.TotalUnchanged.ShouldBe(17);
        (await db.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_MissingFiles_MeanNoRowsAndLeaveOtherTablesAlone(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        var files = new Dictionary<string, string>
        {
            ["organisations.csv"] = Lines("organisation_id,kind,name", "TR-9,traeger,Neuer Träger"),
        };

        // When
        var summary = await db.ImportAsync(files);

        // Then
        summary.Files.ShouldBe([new ImportFileSummary("organisations.csv", 1, 1, 0)]);
        var counts = await db.CountRowsAsync();
        counts["organisations"].ShouldBe(3);
        counts.Where(c => c.Key != "organisations").ShouldBe(MinimalCounts.Where(c => c.Key != "organisations"), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_OnlyOneFileIntoEmptyDatabase_OtherTablesStayEmpty(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = new Dictionary<string, string> { ["organisations.csv"] = Minimal()["organisations.csv"] };

        // When
        var summary = await db.ImportAsync(files);

        // Then
        summary.TotalInserted.ShouldBe(2);
        var counts = await db.CountRowsAsync();
        counts["organisations"].ShouldBe(2);
        counts.Count.ShouldBe(MinimalCounts.Count);
        counts.Where(c => c.Key != "organisations").ShouldAllBe(c => c.Value == 0);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_HeaderOnlyFile_ReadsNoRows(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = Minimal();
        files["trainings.csv"] = Lines("staff_id,date,kind,minutes");

        // When
        var summary = await db.ImportAsync(files);

        // Then
        summary.Files.Single(f => f.File == "trainings.csv").ShouldBe(new ImportFileSummary("trainings.csv", 0, 0, 0));
        (await db.CountRowsAsync())["trainings"].ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_UnknownColumns_AreIgnored(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = Minimal();
        files["organisations.csv"] = Lines(
            "bemerkung,organisation_id,kind,name,internes_kennzeichen",
            "wichtig,JA-1,jugendamt,Jugendamt Magdeburg,X-17",
            ",TR-1,traeger,Sonnenschein e. V.,");

        // When
        var summary = await db.ImportAsync(files);

        // Then
        summary.Files.Single(f => f.File == "organisations.csv").Inserted.ShouldBe(2);
        var facts = await db.LoadFactsAsync();
        facts.OrganisationById["JA-1"].ShouldBe(new Organisation("JA-1", OrganisationKind.Jugendamt, "Jugendamt Magdeburg", null, null));
        facts.OrganisationById["TR-1"].Name.ShouldBe("Sonnenschein e. V.");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_ColumnsInAnyOrder_MappedByHeaderName(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = Minimal();
        files["cases.csv"] = Lines(
            "key_worker_staff_id,start_date,case_manager_staff_id,hilfeart,file_reference,provider_organisation_id,case_id,end_date",
            "S-3,2025-01-15,S-1,35,51.2-0815/25,TR-1,C-1,2026-12-31");

        // When
        await db.ImportAsync(files);

        // Then
        (await db.LoadFactsAsync()).CaseById["C-1"].ShouldBe(new Case(
            "C-1", "51.2-0815/25", "35", new DateOnly(2025, 1, 15), new DateOnly(2026, 12, 31), "S-1", "TR-1", "S-3"));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_SemicolonWithBomAndCrlf_ReadsLikeGermanSpreadsheetExport(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var folder = db.Folder.WriteImportFolder(new Dictionary<string, string>());
        var text = "organisation_id;kind;state;contact_email;name\r\n"
            + "JA-1;jugendamt;ST;jugendamt@magdeburg.example.de;Jugendamt Magdeburg, Fachdienst Hilfen\r\n"
            + "TR-1;traeger;RP;;\"Träger; mit Semikolon\"\r\n";
        File.WriteAllBytes(Path.Combine(folder, "organisations.csv"), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        // When
        var summary = await db.ImportAsync(folder);

        // Then
        summary.Files.ShouldBe([new ImportFileSummary("organisations.csv", 2, 2, 0)]);
        var facts = await db.LoadFactsAsync();
        facts.OrganisationById["JA-1"].ShouldBe(new Organisation(
            "JA-1", OrganisationKind.Jugendamt, "Jugendamt Magdeburg, Fachdienst Hilfen", "jugendamt@magdeburg.example.de", "ST"));
        facts.OrganisationById["TR-1"].ShouldBe(new Organisation("TR-1", OrganisationKind.Traeger, "Träger; mit Semikolon", null, "RP"));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_CommaFileWithBom_FirstHeaderColumnStillFound(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var folder = db.Folder.WriteImportFolder(new Dictionary<string, string>());
        var text = Lines("organisation_id,kind,name", "JA-1,jugendamt,Jugendamt Magdeburg");
        File.WriteAllBytes(Path.Combine(folder, "organisations.csv"), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        // When
        var summary = await db.ImportAsync(folder);

        // Then
        summary.TotalInserted.ShouldBe(1);
        (await db.LoadFactsAsync()).OrganisationById.Keys.ShouldBe(["JA-1"]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_QuotedFields_CommaAndDoubledQuotesUnquoted(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = Minimal();
        files["organisations.csv"] = Lines(
            "organisation_id,kind,name",
            "JA-1,jugendamt,\"Jugendamt Magdeburg, Fachdienst Hilfen zur Erziehung\"",
            "\"TR-1\",\"traeger\",\"Verein \"\"Sonnenschein\"\" e. V.\"");

        // When
        await db.ImportAsync(files);

        // Then
        var facts = await db.LoadFactsAsync();
        facts.OrganisationById["JA-1"].Name.ShouldBe("Jugendamt Magdeburg, Fachdienst Hilfen zur Erziehung");
        facts.OrganisationById["TR-1"].Name.ShouldBe("Verein \"Sonnenschein\" e. V.");
        facts.OrganisationById["TR-1"].Kind.ShouldBe(OrganisationKind.Traeger);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_LineBreakInQuotedField_KeptInValue(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = Minimal();
        files["ag78_sessions.csv"] = Lines(
            "session_id,organisation_id,date,topic",
            "AG78-1,JA-1,2024-03-12,\"Standards der Hilfeplanung",
            "zweite Zeile, mit Komma\"",
            "AG78-2,JA-1,2025-03-11,Kinderschutz");

        // When
        var summary = await db.ImportAsync(files);

        // Then
        summary.Files.Single(f => f.File == "ag78_sessions.csv").Read.ShouldBe(2);
        var sessions = (await db.LoadFactsAsync()).Ag78Sessions.OrderBy(s => s.SessionId, StringComparer.Ordinal).ToList();
        sessions[0].Topic.ShouldBe("Standards der Hilfeplanung\nzweite Zeile, mit Komma");
        sessions[1].ShouldBe(new Ag78Session("AG78-2", "JA-1", new DateOnly(2025, 3, 11), "Kinderschutz"));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_ErrorAfterLineBreakInQuotedField_NamesPhysicalLine(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = Minimal();
        files["ag78_sessions.csv"] = Lines(
            "session_id,organisation_id,date,topic",
            "AG78-1,JA-1,2024-03-12,\"erste Zeile",
            "zweite Zeile",
            "dritte Zeile\"",
            "AG78-2,JA-1,2025-02-30,Kinderschutz");

        // When
        var ex = await Should.ThrowAsync<ImportFailedException>(() => db.ImportAsync(files));

        // Then
        var error = ex.Errors.ShouldHaveSingleItem();
        error.File.ShouldBe("ag78_sessions.csv");
        error.Line.ShouldBe(5);
        error.Column.ShouldBe("date");
    }

    [Theory]
    [InlineEngineData("O'Brien")]
    [InlineEngineData("Robert'); DROP TABLE staff;--")]
    [InlineEngineData("„Anführungszeichen“ und ‚halbe‘")]
    [InlineEngineData("Müßiggang-Straße 12, Übach-Palenberg")]
    [InlineEngineData("Kinderschutz 🧒👍 – mit Gedankenstrich")]
    [InlineEngineData("Er sagte: \"Hallo\"")]
    [InlineEngineData("  mit Leerzeichen außen  ")]
    [InlineEngineData("%_*\\ 100 % sicher; 1=1 OR 'a'='a'")]
    public async Task ImportAsync_StrangeButValidText_StoredByteExact(TestEngine engine, string value)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = Minimal();
        files["staff.csv"] = Lines("staff_id,organisation_id,display_name", $"S-1,JA-1,{Field(value)}");
        files["ag78_sessions.csv"] = Lines("session_id,organisation_id,date,topic", $"AG78-1,JA-1,2024-03-12,{Field(value)}");
        files.Remove("teams.csv");
        files.Remove("cases.csv");
        files.Remove("meetings.csv");
        files.Remove("appointments.csv");
        files.Remove("fuehrungszeugnisse.csv");
        files.Remove("trainings.csv");

        // When
        await db.ImportAsync(files);

        // Then
        var stored = await db.ScalarAsync<string>("SELECT display_name FROM staff WHERE staff_id = @id", new { id = "S-1" });
        Encoding.UTF8.GetBytes(stored).ShouldBe(Encoding.UTF8.GetBytes(value));
        Encoding.UTF8.GetBytes(await db.ScalarAsync<string>("SELECT topic FROM ag78_sessions")).ShouldBe(Encoding.UTF8.GetBytes(value));
        (await db.CountRowsAsync())["staff"].ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_ReferencesToRowsOfEarlierImport_Accepted(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        var files = new Dictionary<string, string>
        {
            ["cases.csv"] = Lines(
                "case_id,file_reference,start_date,case_manager_staff_id,provider_organisation_id,key_worker_staff_id",
                "C-7,51.2-0007/26,2026-03-01,S-1,TR-1,S-3"),
            ["meetings.csv"] = Lines(
                "meeting_id,case_id,kind,date,status",
                "M-7,C-1,fortschreibung,2026-10-05,planned",
                "M-8,C-7,initial,2026-03-05,held"),
            ["reports.csv"] = Lines(
                "report_id,kind,organisation_id,case_id,meeting_id,received_date",
                "R-7,entwicklungsbericht,TR-1,C-1,M-2,2026-07-01"),
            ["trainings.csv"] = Lines("staff_id,date,kind,minutes", "S-2,2026-04-01,supervision,90"),
        };

        // When
        var summary = await db.ImportAsync(files);

        // Then
        summary.TotalInserted.ShouldBe(5);
        var facts = await db.LoadFactsAsync();
        facts.CaseById["C-7"].CaseManagerStaffId.ShouldBe("S-1");
        facts.Reports.Single(r => r.ReportId == "R-7").MeetingId.ShouldBe("M-2");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_ReferenceToRowOfLaterFileInSameRun_Accepted(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = new Dictionary<string, string>
        {
            ["organisations.csv"] = Lines("organisation_id,kind,name", "TR-1,traeger,Sonnenschein"),
            ["teams.csv"] = Lines("team_id,organisation_id,name,lead_staff_id", "T-1,TR-1,Team Nord,S-2"),
            ["staff.csv"] = Lines("staff_id,organisation_id,team_id,display_name,deputy_staff_id", "S-2,TR-1,T-1,Bernd,S-3", "S-3,TR-1,T-1,Clara,S-2"),
        };

        // When
        var summary = await db.ImportAsync(files);

        // Then
        summary.TotalInserted.ShouldBe(4);
        (await db.LoadFactsAsync()).TeamById["T-1"].LeadStaffId.ShouldBe("S-2");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ImportAsync_ActiveColumnMissing_DefaultsToTrue(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = new Dictionary<string, string>
        {
            ["organisations.csv"] = Lines("organisation_id,kind,name", "TR-1,traeger,Sonnenschein"),
            ["staff.csv"] = Lines("staff_id,organisation_id,display_name,active", "S-1,TR-1,Anna,", "S-2,TR-1,Bernd,false"),
        };

        // When
        await db.ImportAsync(files);

        // Then
        var staff = (await db.LoadFactsAsync()).StaffById;
        staff["S-1"].Active.ShouldBeTrue();
        staff["S-2"].Active.ShouldBeFalse();
    }
}
