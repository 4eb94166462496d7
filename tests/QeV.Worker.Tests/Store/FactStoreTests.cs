using QeV.Domain.Facts;
using QeV.Domain.Tables;
using QeV.Worker.Import;
using QeV.Worker.Tests.Support;
using Case = QeV.Domain.Facts.Case;
using static QeV.Worker.Tests.Support.ImportFiles;

namespace QeV.Worker.Tests.Store;

/// <summary>
/// Every column of every fact table goes in through the import and comes back through <see cref="QeV.Worker.Store.FactStore"/>
/// with its type intact – dates (leap days, far past and future), booleans, nulls, codes, umlauts, quotes, line breaks –
/// on SQLite and on PostgreSQL alike.
/// </summary>
public sealed class FactStoreTests
{
    /// <summary>Free text a database or driver might mangle: umlauts, typographic and straight quotes, commas, blanks, emoji.</summary>
    private const string Tricky = "„Börde“ – O'Brien & Söhne, \"Hilfen\"; Straße 1 🧒";

    /// <summary>Every import file with every column used: one row with all optional cells filled, one with them empty.</summary>
    private static Dictionary<string, string> EveryColumn() => new(StringComparer.Ordinal)
    {
        ["organisations.csv"] = Lines(
            "organisation_id,kind,name,contact_email,state",
            $"JA-Ü1,jugendamt,{Field(Tricky)},jugendamt.boerde@example.de,ST",
            "TR-1,traeger,Träger ohne Angaben,,",
            $"TR-2,traeger,{Field("  Leerzeichen außen  ")},info@traeger-2.example.de,DE-NW"),
        ["teams.csv"] = Lines(
            "team_id,organisation_id,name,lead_staff_id,deputy_lead_staff_id",
            "T-1,TR-1,\"Team \"\"Nord\"\", Außenstelle\",S-2,S-3",
            "T-2,TR-1,Team Süd,,"),
        ["staff.csv"] = Lines(
            "staff_id,organisation_id,team_id,display_name,email,role,active,deputy_staff_id,absent_from,absent_until,employed_since",
            "S-1,JA-Ü1,,Jürgen Weiß,juergen.weiss@example.de,fachkraft,true,S-2,2028-02-29,2028-03-01,1970-01-01",
            "S-2,TR-1,T-1,\"Dr. Ölaf O'Neill-Groß, MBA\",,teamleitung,false,,,,",
            "S-3,TR-1,T-1,Zoë Çelik,zoe@example.de,personal,JA,S-2,2026-12-24,2027-01-06,2000-02-29",
            "S-4,TR-1,T-2,\"Zwei\nZeilen\",leitung@example.de,leitung,nein,,,,2026-11-23",
            "S-5,TR-1,,Ohne Rolle,,,,,,,"),
        ["cases.csv"] = Lines(
            "case_id,file_reference,hilfeart,start_date,end_date,case_manager_staff_id,provider_organisation_id,key_worker_staff_id",
            "C-1,\"51.2-0815/25 \"\"Ä\"\"\",29,2025-01-01,2026-12-31,S-1,TR-1,S-3",
            "C-2,51.2-4711/26,,1999-12-31,,S-1,,",
            "C-3,51.2-3/26,30,2026-01-01,,S-1,TR-1,S-3",
            "C-4,51.2-4/26,31,2026-01-01,,S-1,TR-1,S-3",
            "C-5,51.2-5/26,35,2026-01-01,,S-1,TR-1,S-3",
            "C-6,51.2-6/26,41,2026-01-01,,S-1,TR-2,"),
        ["meetings.csv"] = Lines(
            "meeting_id,case_id,kind,date,status,plan_sent_date,cost_approval_date",
            "M-1,C-1,initial,2025-01-20,held,2025-02-03,2025-02-10",
            "M-2,C-1,fortschreibung,2026-07-20,planned,,",
            "M-3,C-2,konkretisierung,2028-02-29,cancelled,,2028-03-01"),
        ["reports.csv"] = Lines(
            "report_id,kind,organisation_id,case_id,meeting_id,period,received_date",
            "R-1,entwicklungsbericht,TR-1,C-1,M-2,\"1. Halbjahr \"\"2026\"\"\",2026-07-01",
            "R-2,leistungsbericht,TR-1,,,2024/2025,2026-01-30",
            "R-3,leistungsbeschreibung,TR-2,,,,2026-02-01",
            "R-4,abschlussbericht,TR-1,C-2,,Schluss; endgültig,2026-03-01",
            "R-5,nachweisblatt,JA-Ü1,C-1,M-1,,2025-02-15"),
        ["appointments.csv"] = Lines(
            "appointment_id,case_id,date,outcome",
            "A-1,C-1,2026-05-04,attended",
            "A-2,C-1,2026-05-11,no_show",
            "A-3,C-1,2026-05-18,cancelled_by_client_short_notice",
            "A-4,C-1,2026-05-25,cancelled_by_client",
            "A-5,C-2,2026-06-01,cancelled_by_provider",
            "A-6,C-2,2026-12-31,planned"),
        ["fuehrungszeugnisse.csv"] = Lines(
            "staff_id,issued_date,presented_date",
            "S-3,2021-06-01,2021-06-15",
            "S-3,2026-06-01,",
            "S-2,2000-02-29,"),
        ["agreements.csv"] = Lines(
            "agreement_id,provider_organisation_id,kind,concluded_date,valid_until,next_dialogue_date",
            "AG-1,TR-1,qev,2024-01-01,9999-12-31,2026-09-30",
            "AG-2,TR-2,leq,2025-05-05,,"),
        ["ag78_sessions.csv"] = Lines(
            "session_id,organisation_id,date,topic",
            $"AG78-1,JA-Ü1,2024-03-12,{Field(Tricky + "\nzweite Zeile")}",
            "AG78-2,JA-Ü1,2025-03-11,"),
        ["trainings.csv"] = Lines(
            "staff_id,date,kind,minutes",
            "S-3,2026-02-10,fortbildung,480",
            "S-3,2026-02-10,supervision,0",
            "S-2,2026-12-31,fortbildung,2147483647"),
    };

    private static async Task<(TestDatabase Db, FactSet Facts)> ImportAndLoadAsync(TestEngine engine)
    {
        var db = await TestDatabase.CreateAsync(engine);
        try
        {
            await db.ImportAsync(EveryColumn());
            return (db, await db.LoadFactsAsync());
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private static IEnumerable<T> Sorted<T>(IEnumerable<T> items, Func<T, string> key) => items.OrderBy(key, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    [SqlServerData]
    public async Task LoadAsync_Organisations_EveryColumnRoundTrips(TestEngine engine)
    {
        // Given
        var (db, facts) = await ImportAndLoadAsync(engine);
        using var _ = db;

        // When
        var organisations = Sorted(facts.Organisations, o => o.OrganisationId);

        // Then
        organisations.ShouldBe(
        [
            new Organisation("JA-Ü1", OrganisationKind.Jugendamt, Tricky, "jugendamt.boerde@example.de", "ST"),
            new Organisation("TR-1", OrganisationKind.Traeger, "Träger ohne Angaben", null, null),
            new Organisation("TR-2", OrganisationKind.Traeger, "  Leerzeichen außen  ", "info@traeger-2.example.de", "NW"),
        ]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    [SqlServerData]
    public async Task LoadAsync_Teams_EveryColumnRoundTrips(TestEngine engine)
    {
        // Given
        var (db, facts) = await ImportAndLoadAsync(engine);
        using var _ = db;

        // When
        var teams = Sorted(facts.Teams, t => t.TeamId);

        // Then
        teams.ShouldBe(
        [
            new Team("T-1", "TR-1", "Team \"Nord\", Außenstelle", "S-2", "S-3"),
            new Team("T-2", "TR-1", "Team Süd", null, null),
        ]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    [SqlServerData]
    public async Task LoadAsync_Staff_EveryColumnRoundTripsWithBooleansDatesAndNulls(TestEngine engine)
    {
        // Given
        var (db, facts) = await ImportAndLoadAsync(engine);
        using var _ = db;

        // When
        var staff = Sorted(facts.Staff, s => s.StaffId);

        // Then
        staff.ShouldBe(
        [
            new Staff("S-1", "JA-Ü1", null, "Jürgen Weiß", "juergen.weiss@example.de", StaffRole.Fachkraft, true, "S-2",
                new DateOnly(2028, 2, 29), new DateOnly(2028, 3, 1), new DateOnly(1970, 1, 1)),
            new Staff("S-2", "TR-1", "T-1", "Dr. Ölaf O'Neill-Groß, MBA", null, StaffRole.Teamleitung, false, null, null, null, null),
            new Staff("S-3", "TR-1", "T-1", "Zoë Çelik", "zoe@example.de", StaffRole.Personal, true, "S-2",
                new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 6), new DateOnly(2000, 2, 29)),
            new Staff("S-4", "TR-1", "T-2", "Zwei\nZeilen", "leitung@example.de", StaffRole.Leitung, false, null, null, null,
                new DateOnly(2026, 11, 23)),
            new Staff("S-5", "TR-1", null, "Ohne Rolle", null, null, true, null, null, null, null),
        ]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    [SqlServerData]
    public async Task LoadAsync_Cases_EveryColumnAndEveryHilfeartRoundTrips(TestEngine engine)
    {
        // Given
        var (db, facts) = await ImportAndLoadAsync(engine);
        using var _ = db;

        // When
        var cases = Sorted(facts.Cases, c => c.CaseId);

        // Then
        var start = new DateOnly(2026, 1, 1);
        cases.ShouldBe(
        [
            new Case("C-1", "51.2-0815/25 \"Ä\"", "29", new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), "S-1", "TR-1", "S-3"),
            new Case("C-2", "51.2-4711/26", null, new DateOnly(1999, 12, 31), null, "S-1", null, null),
            new Case("C-3", "51.2-3/26", "30", start, null, "S-1", "TR-1", "S-3"),
            new Case("C-4", "51.2-4/26", "31", start, null, "S-1", "TR-1", "S-3"),
            new Case("C-5", "51.2-5/26", "35", start, null, "S-1", "TR-1", "S-3"),
            new Case("C-6", "51.2-6/26", "41", start, null, "S-1", "TR-2", null),
        ]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    [SqlServerData]
    public async Task LoadAsync_Meetings_EveryColumnKindAndStatusRoundTrips(TestEngine engine)
    {
        // Given
        var (db, facts) = await ImportAndLoadAsync(engine);
        using var _ = db;

        // When
        var meetings = Sorted(facts.Meetings, m => m.MeetingId);

        // Then
        meetings.ShouldBe(
        [
            new CarePlanMeeting("M-1", "C-1", MeetingKind.Initial, new DateOnly(2025, 1, 20), MeetingStatus.Held,
                new DateOnly(2025, 2, 3), new DateOnly(2025, 2, 10)),
            new CarePlanMeeting("M-2", "C-1", MeetingKind.Fortschreibung, new DateOnly(2026, 7, 20), MeetingStatus.Planned, null, null),
            new CarePlanMeeting("M-3", "C-2", MeetingKind.Konkretisierung, new DateOnly(2028, 2, 29), MeetingStatus.Cancelled,
                null, new DateOnly(2028, 3, 1)),
        ]);
        facts.MeetingsByCase["C-1"].Count().ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    [SqlServerData]
    public async Task LoadAsync_Reports_EveryColumnAndKindRoundTrips(TestEngine engine)
    {
        // Given
        var (db, facts) = await ImportAndLoadAsync(engine);
        using var _ = db;

        // When
        var reports = Sorted(facts.Reports, r => r.ReportId);

        // Then
        reports.ShouldBe(
        [
            new Report("R-1", ReportKind.Entwicklungsbericht, "TR-1", "C-1", "M-2", "1. Halbjahr \"2026\"", new DateOnly(2026, 7, 1)),
            new Report("R-2", ReportKind.Leistungsbericht, "TR-1", null, null, "2024/2025", new DateOnly(2026, 1, 30)),
            new Report("R-3", ReportKind.Leistungsbeschreibung, "TR-2", null, null, null, new DateOnly(2026, 2, 1)),
            new Report("R-4", ReportKind.Abschlussbericht, "TR-1", "C-2", null, "Schluss; endgültig", new DateOnly(2026, 3, 1)),
            new Report("R-5", ReportKind.Nachweisblatt, "JA-Ü1", "C-1", "M-1", null, new DateOnly(2025, 2, 15)),
        ]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    [SqlServerData]
    public async Task LoadAsync_Appointments_EveryOutcomeRoundTrips(TestEngine engine)
    {
        // Given
        var (db, facts) = await ImportAndLoadAsync(engine);
        using var _ = db;

        // When
        var appointments = Sorted(facts.Appointments, a => a.AppointmentId);

        // Then
        appointments.ShouldBe(
        [
            new Appointment("A-1", "C-1", new DateOnly(2026, 5, 4), AppointmentOutcome.Attended),
            new Appointment("A-2", "C-1", new DateOnly(2026, 5, 11), AppointmentOutcome.NoShow),
            new Appointment("A-3", "C-1", new DateOnly(2026, 5, 18), AppointmentOutcome.CancelledByClientShortNotice),
            new Appointment("A-4", "C-1", new DateOnly(2026, 5, 25), AppointmentOutcome.CancelledByClient),
            new Appointment("A-5", "C-2", new DateOnly(2026, 6, 1), AppointmentOutcome.CancelledByProvider),
            new Appointment("A-6", "C-2", new DateOnly(2026, 12, 31), AppointmentOutcome.Planned),
        ]);
        facts.AppointmentsByCase["C-2"].Count().ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    [SqlServerData]
    public async Task LoadAsync_Fuehrungszeugnisse_CompositeKeyAndNullDateRoundTrip(TestEngine engine)
    {
        // Given
        var (db, facts) = await ImportAndLoadAsync(engine);
        using var _ = db;

        // When
        var zeugnisse = facts.Fuehrungszeugnisse.OrderBy(f => f.StaffId, StringComparer.Ordinal).ThenBy(f => f.IssuedDate);

        // Then
        zeugnisse.ShouldBe(
        [
            new Fuehrungszeugnis("S-2", new DateOnly(2000, 2, 29), null),
            new Fuehrungszeugnis("S-3", new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 15)),
            new Fuehrungszeugnis("S-3", new DateOnly(2026, 6, 1), null),
        ]);
        facts.FuehrungszeugnisseByStaff["S-3"].Count().ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    [SqlServerData]
    public async Task LoadAsync_Agreements_EveryColumnRoundTripsUpToYear9999(TestEngine engine)
    {
        // Given
        var (db, facts) = await ImportAndLoadAsync(engine);
        using var _ = db;

        // When
        var agreements = Sorted(facts.Agreements, a => a.AgreementId);

        // Then
        agreements.ShouldBe(
        [
            new Agreement("AG-1", "TR-1", AgreementKind.Qev, new DateOnly(2024, 1, 1), new DateOnly(9999, 12, 31), new DateOnly(2026, 9, 30)),
            new Agreement("AG-2", "TR-2", AgreementKind.Leq, new DateOnly(2025, 5, 5), null, null),
        ]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    [SqlServerData]
    public async Task LoadAsync_Ag78Sessions_MultiLineTopicAndNullRoundTrip(TestEngine engine)
    {
        // Given
        var (db, facts) = await ImportAndLoadAsync(engine);
        using var _ = db;

        // When
        var sessions = Sorted(facts.Ag78Sessions, s => s.SessionId);

        // Then
        sessions.ShouldBe(
        [
            new Ag78Session("AG78-1", "JA-Ü1", new DateOnly(2024, 3, 12), Tricky + "\nzweite Zeile"),
            new Ag78Session("AG78-2", "JA-Ü1", new DateOnly(2025, 3, 11), null),
        ]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    [SqlServerData]
    public async Task LoadAsync_Trainings_CompositeKeyAndMinutesUpToIntMaxRoundTrip(TestEngine engine)
    {
        // Given
        var (db, facts) = await ImportAndLoadAsync(engine);
        using var _ = db;

        // When
        var trainings = facts.Trainings.OrderBy(t => t.StaffId, StringComparer.Ordinal).ThenBy(t => t.Date).ThenBy(t => t.Kind);

        // Then
        trainings.ShouldBe(
        [
            new Training("S-2", new DateOnly(2026, 12, 31), TrainingKind.Fortbildung, int.MaxValue),
            new Training("S-3", new DateOnly(2026, 2, 10), TrainingKind.Fortbildung, 480),
            new Training("S-3", new DateOnly(2026, 2, 10), TrainingKind.Supervision, 0),
        ]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    [SqlServerData]
    public async Task LoadAsync_SecondImportWithEmptyOptionalCells_LoadsNulls(TestEngine engine)
    {
        // Given: the same ids again, now with every optional cell empty.
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(EveryColumn());
        var emptied = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["organisations.csv"] = Lines("organisation_id,kind,name,contact_email,state", "JA-Ü1,jugendamt,Amt,,"),
            ["staff.csv"] = Lines(
                "staff_id,organisation_id,team_id,display_name,email,role,active,deputy_staff_id,absent_from,absent_until,employed_since",
                "S-1,JA-Ü1,,Jürgen Weiß,,,,,,,"),
            ["cases.csv"] = Lines(
                "case_id,file_reference,hilfeart,start_date,end_date,case_manager_staff_id,provider_organisation_id,key_worker_staff_id",
                "C-1,51.2-0815/25,,2025-01-01,,S-1,,"),
            ["meetings.csv"] = Lines("meeting_id,case_id,kind,date,status,plan_sent_date,cost_approval_date", "M-1,C-1,initial,2025-01-20,held,,"),
            ["reports.csv"] = Lines("report_id,kind,organisation_id,case_id,meeting_id,period,received_date", "R-1,entwicklungsbericht,TR-1,,,,2026-07-01"),
            ["fuehrungszeugnisse.csv"] = Lines("staff_id,issued_date,presented_date", "S-3,2021-06-01,"),
            ["agreements.csv"] = Lines("agreement_id,provider_organisation_id,kind,concluded_date,valid_until,next_dialogue_date", "AG-1,TR-1,qev,2024-01-01,,"),
            ["ag78_sessions.csv"] = Lines("session_id,organisation_id,date,topic", "AG78-1,JA-Ü1,2024-03-12,"),
        };

        // When
        await db.ImportAsync(emptied);
        var facts = await db.LoadFactsAsync();

        // Then
        facts.OrganisationById["JA-Ü1"].ShouldBe(new Organisation("JA-Ü1", OrganisationKind.Jugendamt, "Amt", null, null));
        facts.StaffById["S-1"].ShouldBe(new Staff("S-1", "JA-Ü1", null, "Jürgen Weiß", null, null, true, null, null, null, null));
        facts.CaseById["C-1"].ShouldBe(new Case("C-1", "51.2-0815/25", null, new DateOnly(2025, 1, 1), null, "S-1", null, null));
        facts.Meetings.Single(m => m.MeetingId == "M-1").ShouldBe(new CarePlanMeeting(
            "M-1", "C-1", MeetingKind.Initial, new DateOnly(2025, 1, 20), MeetingStatus.Held, null, null));
        facts.Reports.Single(r => r.ReportId == "R-1").ShouldBe(new Report(
            "R-1", ReportKind.Entwicklungsbericht, "TR-1", null, null, null, new DateOnly(2026, 7, 1)));
        facts.Fuehrungszeugnisse.Single(f => f.IssuedDate == new DateOnly(2021, 6, 1)).PresentedDate.ShouldBeNull();
        facts.Agreements.Single(a => a.AgreementId == "AG-1").ShouldBe(new Agreement(
            "AG-1", "TR-1", AgreementKind.Qev, new DateOnly(2024, 1, 1), null, null));
        facts.Ag78Sessions.Single(s => s.SessionId == "AG78-1").Topic.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    [SqlServerData]
    public async Task LoadAsync_EmptyDatabase_ReturnsEmptySet(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);

        // When
        var facts = await db.LoadFactsAsync();

        // Then
        facts.Organisations.ShouldBeEmpty();
        facts.Staff.ShouldBeEmpty();
        facts.Cases.ShouldBeEmpty();
        facts.Meetings.ShouldBeEmpty();
        facts.Trainings.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Schema_EveryImportColumn_IsAColumnOfItsTableWithTheEngineType(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);

        foreach (var spec in ImportCatalog.Tables)
        {
            // When
            var columns = await DatabaseContent.ColumnsAsync(db.Database, spec.Table);

            // Then: exactly the contract's columns, each stored as the type its values need on this engine.
            columns.Select(c => c.Name).Order(StringComparer.Ordinal)
                .ShouldBe(spec.Columns.Select(c => c.Name).Order(StringComparer.Ordinal), spec.Table);
            foreach (var column in spec.Columns)
            {
                var stored = columns.Single(c => c.Name == column.Name);
                stored.Type.Replace(" PRIMARY KEY", "", StringComparison.Ordinal)
                    .ShouldBe(ExpectedType(engine, column.Kind), $"{spec.Table}.{column.Name}");
                if (column.Required)
                {
                    // A primary key column counts: the key refuses a null on PostgreSQL, and the import never sends one.
                    (stored.NotNull || stored.Type.EndsWith(" PRIMARY KEY", StringComparison.Ordinal)).ShouldBeTrue($"{spec.Table}.{column.Name}");
                }
            }
        }
    }

    private static string ExpectedType(TestEngine engine, ColumnKind kind) => (engine, kind) switch
    {
        (TestEngine.Postgres, ColumnKind.Date) => "date",
        (TestEngine.Postgres, ColumnKind.Bool) => "boolean",
        (TestEngine.Postgres, ColumnKind.Number) => "integer",
        (TestEngine.Postgres, _) => "text",
        (_, ColumnKind.Bool or ColumnKind.Number) => "INTEGER",
        _ => "TEXT",
    };
}
