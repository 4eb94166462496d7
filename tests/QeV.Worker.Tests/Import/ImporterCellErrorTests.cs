using QeV.Worker.Import;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Support.ImportFiles;
using static QeV.Worker.Tests.Import.ImportRefusal;

namespace QeV.Worker.Tests.Import;

/// <summary>A bad cell (enum value, date, e-mail, empty required cell) refuses the whole run, naming file, line and column.</summary>
public sealed class ImporterCellErrorTests
{
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
}
