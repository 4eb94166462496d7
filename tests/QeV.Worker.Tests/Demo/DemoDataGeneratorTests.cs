using QeV.Demo;
using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Rules;
using QeV.Domain.Tables;
using QeV.Worker.Import;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Demo;

public sealed class DemoDataGeneratorTests
{
    private const int Seed = 78;

    // A Monday and an ordinary business day in Sachsen-Anhalt.
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static readonly IReadOnlyList<ImportTable> Default = DemoDataGenerator.Generate(Seed, Monday);

    private static ImportTable Table(IReadOnlyList<ImportTable> tables, string name) => tables.Single(t => t.Spec.Table == name);

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Rows(string name) =>
        Table(Default, name).Rows.Select(r => r.Values);

    private static string RenderAll(IReadOnlyList<ImportTable> tables) =>
        string.Join("\n", tables.Select(t => t.Spec.FileName + "\n" + CsvExport.Render(t)));

    [Fact]
    public void Generate_SameSeedAndDay_ProducesIdenticalRows()
    {
        var again = DemoDataGenerator.Generate(Seed, Monday);

        RenderAll(again).ShouldBe(RenderAll(Default));
        for (var t = 0; t < Default.Count; t++)
        {
            again[t].Rows.Select(r => r.Line).ShouldBe(Default[t].Rows.Select(r => r.Line));
        }
    }

    [Fact]
    public void Generate_DifferentSeed_ProducesDifferentRows()
    {
        var other = DemoDataGenerator.Generate(Seed + 1, Monday);

        CsvExport.Render(Table(other, "staff")).ShouldNotBe(CsvExport.Render(Table(Default, "staff")));
        CsvExport.Render(Table(other, "cases")).ShouldNotBe(CsvExport.Render(Table(Default, "cases")));
    }

    [Fact]
    public void Generate_Tables_FollowCatalogAndHoldEveryColumn()
    {
        Default.Select(t => t.Spec).ShouldBe(ImportCatalog.Tables);
        foreach (var table in Default)
        {
            table.FilePresent.ShouldBeTrue();
            table.Rows.ShouldNotBeEmpty(table.Spec.FileName);
            table.Rows.Select(r => r.Line).ShouldBe(Enumerable.Range(2, table.Rows.Count));
            foreach (var row in table.Rows)
            {
                row.Values.Keys.Order(StringComparer.Ordinal)
                    .ShouldBe(table.Spec.Columns.Select(c => c.Name).Order(StringComparer.Ordinal), table.Spec.FileName);
            }
        }
    }

    [Fact]
    public void Generate_Values_AreTypedAsTheCsvParserReturnsThem()
    {
        foreach (var table in Default)
        {
            foreach (var row in table.Rows)
            {
                foreach (var column in table.Spec.Columns)
                {
                    var value = row.Values[column.Name];
                    var raw = CsvCell(value);
                    CellParser.TryParse(column, raw, out var parsed, out var error)
                        .ShouldBeTrue($"{table.Spec.FileName} Zeile {row.Line} {column.Name}: {error}");
                    parsed.ShouldBe(value, $"{table.Spec.FileName} Zeile {row.Line} {column.Name}");
                }
            }
        }
    }

    private static string CsvCell(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string s => s,
        _ => throw new InvalidOperationException($"unexpected type {value.GetType()}"),
    };

    [Fact]
    public void Generate_DefaultCaseCount_HasMagdeburgSetting()
    {
        Rows("organisations").Count(o => (string?)o["kind"] == "jugendamt").ShouldBe(1);
        Rows("organisations").Count(o => (string?)o["kind"] == "traeger").ShouldBe(4);
        Rows("organisations").Single(o => (string?)o["kind"] == "jugendamt")["organisation_id"].ShouldBe("JA-MD");
        Rows("organisations").Count(o => o["state"] is null).ShouldBe(1);
        Rows("staff").Count().ShouldBeInRange(55, 65);
        Rows("cases").Count().ShouldBe(300);
        Rows("cases").Select(c => c["file_reference"]).Distinct().Count().ShouldBe(300);
        Rows("agreements").Count(a => (string?)a["kind"] == "qev").ShouldBe(4);
        Rows("agreements").Count(a => (string?)a["kind"] == "leq").ShouldBe(1);
        Rows("ag78_sessions").Count().ShouldBeInRange(3, 4);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(12_345)]
    public void Generate_CaseCount_ProducesThatManyCasesWithValidReferences(int caseCount)
    {
        var tables = DemoDataGenerator.Generate(Seed, Monday, caseCount);

        var cases = Table(tables, "cases").Rows;
        cases.Count.ShouldBe(caseCount);
        cases.Select(r => r.Text("case_id")).ShouldBe(cases.Select(r => r.Text("case_id")).Order(StringComparer.Ordinal));
        var errors = new List<ImportError>();
        ImportValidator.Validate(tables, new Dictionary<string, HashSet<string>>(), errors);
        errors.Select(e => e.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void Generate_References_ValidateWithoutErrors()
    {
        var errors = new List<ImportError>();

        ImportValidator.Validate(Default, new Dictionary<string, HashSet<string>>(), errors);

        errors.Select(e => e.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void Generate_Ids_SortTheSameAsStringsAndNaturally()
    {
        foreach (var (table, column) in new[] { ("staff", "staff_id"), ("cases", "case_id"), ("meetings", "meeting_id"), ("reports", "report_id"), ("appointments", "appointment_id") })
        {
            var ids = Table(Default, table).Rows.Select(r => r.Text(column)!).ToList();
            ids.ShouldNotBeEmpty(table);
            ids.ShouldBe(ids.Order(StringComparer.Ordinal).ToList(), table);
            ids.ShouldBe(ids.Order(IdComparer.Instance).ToList(), table);
        }
    }

    [Fact]
    public void Generate_Staff_HaveDeputiesInTheirTeamAndTheIntendedDataProblems()
    {
        var staff = Rows("staff").ToList();
        var byId = staff.ToDictionary(s => (string)s["staff_id"]!);

        foreach (var person in staff)
        {
            var deputy = byId[(string)person["deputy_staff_id"]!];
            deputy.ShouldNotBeSameAs(person);
            deputy["organisation_id"].ShouldBe(person["organisation_id"]);
            if (person["team_id"] is not null && (string?)person["role"] == "fachkraft")
            {
                deputy["team_id"].ShouldBe(person["team_id"]);
            }
        }

        staff.Select(s => s["display_name"]).Distinct().Count().ShouldBe(staff.Count);
        staff.Count(s => s["email"] is string).ShouldBeGreaterThan(staff.Count / 2);
        staff.Where(s => s["email"] is string).ShouldAllBe(s => ((string)s["email"]!).EndsWith(".example", StringComparison.Ordinal));
        staff.Where(s => s["email"] is string).ShouldAllBe(s => ((string)s["email"]!).All(c => c < 128));
        staff.Count(s => s["email"] is null).ShouldBe(1);
        staff.Count(s => s["employed_since"] is null).ShouldBe(0);
        staff.Count(s => s["absent_from"] is DateOnly from && from <= Monday && s["absent_until"] is DateOnly until && until >= Monday)
            .ShouldBe(2);

        var inactive = staff.Single(s => !(bool)s["active"]!);
        inactive["role"].ShouldBe("fachkraft");
        Rows("cases").ShouldContain(c => Equals(c["key_worker_staff_id"], inactive["staff_id"]));

        var teams = Rows("teams").ToList();
        foreach (var team in teams)
        {
            byId[(string)team["lead_staff_id"]!]["role"].ShouldBe("teamleitung");
            var deputyLead = byId[(string)team["deputy_lead_staff_id"]!];
            deputyLead["role"].ShouldBe("fachkraft");
            deputyLead["team_id"].ShouldBe(team["team_id"]);
        }
    }

    [Fact]
    public void Generate_Cases_KeyWorkerBelongsToProviderAndCaseManagerToJugendamt()
    {
        var staff = Rows("staff").ToDictionary(s => (string)s["staff_id"]!);
        foreach (var c in Rows("cases"))
        {
            staff[(string)c["case_manager_staff_id"]!]["organisation_id"].ShouldBe("JA-MD");
            staff[(string)c["key_worker_staff_id"]!]["organisation_id"].ShouldBe(c["provider_organisation_id"]);
            ((DateOnly)c["start_date"]!).ShouldBeInRange(Monday.AddDays(-900), Monday.AddDays(-30));
            if (c["end_date"] is DateOnly end)
            {
                end.ShouldBeLessThan(Monday);
            }
        }

        Rows("cases").Count(c => c["end_date"] is not null).ShouldBeInRange(5, 30);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Generate_CsvExport_ImportsIntoFreshDatabaseWithoutErrors(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);

        // When
        var summary = await ImportCsvAsync(db, Default);

        // Then
        summary.Files.Select(f => f.File).ShouldBe(ImportCatalog.Tables.Select(t => t.FileName));
        foreach (var table in Default)
        {
            var file = summary.Files.Single(f => f.File == table.Spec.FileName);
            file.Read.ShouldBe(table.Rows.Count, table.Spec.FileName);
            file.Inserted.ShouldBe(table.Rows.Count, table.Spec.FileName);
        }

        (await db.CountRowsAsync()).ShouldBe(Default.ToDictionary(t => t.Spec.Table, t => (long)t.Rows.Count));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Generate_CsvExport_LoadsBackAsTheGeneratedRows(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        await ImportCsvAsync(db, Default);

        // When
        var facts = await db.LoadFactsAsync();

        // Then: every generated row comes back with its values, whatever the engine.
        facts.Staff.Count.ShouldBe(Table(Default, "staff").Rows.Count);
        foreach (var row in Rows("staff"))
        {
            var staff = facts.StaffById[(string)row["staff_id"]!];
            staff.DisplayName.ShouldBe(row["display_name"]);
            staff.Email.ShouldBe(row["email"]);
            staff.Active.ShouldBe((bool)row["active"]!);
            staff.DeputyStaffId.ShouldBe(row["deputy_staff_id"]);
            staff.AbsentFrom.ShouldBe((DateOnly?)row["absent_from"]);
            staff.AbsentUntil.ShouldBe((DateOnly?)row["absent_until"]);
            staff.EmployedSince.ShouldBe((DateOnly?)row["employed_since"]);
        }

        facts.Cases.Count.ShouldBe(300);
        foreach (var row in Rows("cases"))
        {
            var c = facts.CaseById[(string)row["case_id"]!];
            c.FileReference.ShouldBe(row["file_reference"]);
            c.StartDate.ShouldBe((DateOnly)row["start_date"]!);
            c.EndDate.ShouldBe((DateOnly?)row["end_date"]);
        }

        facts.Meetings.Count.ShouldBe(Table(Default, "meetings").Rows.Count);
        facts.Reports.Count.ShouldBe(Table(Default, "reports").Rows.Count);
        facts.Appointments.Count.ShouldBe(Table(Default, "appointments").Rows.Count);
        facts.Trainings.Sum(t => t.Minutes).ShouldBe(Rows("trainings").Sum(t => (int)t["minutes"]!));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Evaluate_CoreRulesOnBusinessDay_ShowEveryStatus(TestEngine engine)
    {
        // Given
        var tables = Default;

        // When
        var deadlines = await EvaluateAsync(engine, tables, Monday);

        // Then
        ShouldShow(deadlines, "F01", DeadlineStatus.Overdue, DeadlineStatus.Due, DeadlineStatus.Upcoming, DeadlineStatus.Fulfilled);
        ShouldShow(deadlines, "F06", DeadlineStatus.Overdue, DeadlineStatus.Due, DeadlineStatus.Upcoming);
        ShouldShow(deadlines, "F12", DeadlineStatus.Overdue, DeadlineStatus.Due, DeadlineStatus.Upcoming);
        ShouldShow(deadlines, "F07", DeadlineStatus.Overdue, DeadlineStatus.Due, DeadlineStatus.Upcoming);
        deadlines.Where(d => d.Rule == "F09").ShouldHaveSingleItem().Status.ShouldBe(DeadlineStatus.Upcoming);
        deadlines.Single(d => d.Rule == "F09").DueDate.ShouldBeInRange(Monday.AddDays(1), Monday.AddDays(90));

        // F07: one overdue, one due, one within 90 days, one later.
        var f07 = deadlines.Where(d => d.Rule == "F07").OrderBy(d => d.DueDate).ToList();
        f07.Count.ShouldBe(4);
        f07[2].DueDate.ShouldBeInRange(Monday.AddDays(1), Monday.AddDays(90));
        f07[3].DueDate.ShouldBeGreaterThan(Monday.AddDays(90));
        f07.ShouldAllBe(d => d.ResponsibleStaffId != null);

        // F06: the deliberate runs whose third is today, three weeks ago, last week (twice: a run of four and an
        // interrupted run) and tomorrow.
        deadlines.ShouldContain(d => d.Rule == "F06" && d.DueDate == Monday);
        deadlines.ShouldContain(d => d.Rule == "F06" && d.DueDate == Monday.AddDays(-21));
        deadlines.ShouldContain(d => d.Rule == "F06" && d.DueDate == Monday.AddDays(-5));
        deadlines.ShouldContain(d => d.Rule == "F06" && d.DueDate == Monday.AddDays(-7));
        deadlines.ShouldContain(d => d.Rule == "F06" && d.DueDate == Monday.AddDays(1));
    }

    [Theory]
    [InlineEngineData("2026-11-28")] // Saturday
    [InlineEngineData("2026-12-25")] // Christmas Day
    [InlineEngineData("2028-02-29")] // leap day, a Tuesday
    [InlineEngineData("2027-01-01")] // New Year, first day of the training year
    [InlineEngineData("2026-10-31")] // Reformationstag (holiday in ST), a Saturday
    public async Task Evaluate_CoreRulesOnAnyDay_ImportCleanlyAndShowOpenStatuses(TestEngine engine, string day)
    {
        // Given
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var tables = DemoDataGenerator.Generate(Seed, today);

        // When
        var deadlines = await EvaluateAsync(engine, tables, today);

        // Then
        ShouldShow(deadlines, "F01", DeadlineStatus.Overdue, DeadlineStatus.Upcoming, DeadlineStatus.Fulfilled);
        ShouldShow(deadlines, "F06", DeadlineStatus.Overdue, DeadlineStatus.Due, DeadlineStatus.Upcoming);
        ShouldShow(deadlines, "F12", DeadlineStatus.Overdue, DeadlineStatus.Due, DeadlineStatus.Upcoming);
        ShouldShow(deadlines, "F07", DeadlineStatus.Overdue, DeadlineStatus.Upcoming);
        deadlines.Single(d => d.Rule == "F09").Status.ShouldBe(DeadlineStatus.Upcoming);
        if (new BusinessCalendar().IsBusinessDay(today, Bundesland.ST))
        {
            ShouldShow(deadlines, "F01", DeadlineStatus.Due);
            ShouldShow(deadlines, "F07", DeadlineStatus.Due);
        }
    }

    private static void ShouldShow(IEnumerable<Deadline> deadlines, string rule, params DeadlineStatus[] statuses)
    {
        var shown = deadlines.Where(d => d.Rule == rule).Select(d => d.Status).Distinct().ToList();
        foreach (var status in statuses)
        {
            shown.ShouldContain(status, $"{rule} {status}");
        }
    }

    /// <summary>Imports the tables as CSV into a database of its own, loads the facts back and runs the five core rules.</summary>
    private static async Task<IReadOnlyList<Deadline>> EvaluateAsync(TestEngine engine, IReadOnlyList<ImportTable> tables, DateOnly today)
    {
        using var db = await TestDatabase.CreateAsync(engine);
        await ImportCsvAsync(db, tables);
        var facts = await db.LoadFactsAsync();
        var rules = new DeadlineEngine(
        [
            new F01EntwicklungsberichtRule(), new F06MissedAppointmentsRule(), new F07LeistungsberichtRule(),
            new F09Ag78ReviewRule(), new F12FuehrungszeugnisRule(),
        ]);
        return rules.Evaluate(facts, new RuleContext(today, new BusinessCalendar(), Bundesland.ST));
    }

    /// <summary>Writes the tables as import files (CsvExport) and imports them the way `qev import` does.</summary>
    private static async Task<ImportSummary> ImportCsvAsync(TestDatabase db, IReadOnlyList<ImportTable> tables)
    {
        var csv = db.Folder.WriteImportFolder(tables.ToDictionary(t => t.Spec.FileName, CsvExport.Render), "csv");
        try
        {
            return await db.ImportAsync(csv);
        }
        catch (ImportFailedException ex)
        {
            ex.Errors.Take(20).Select(e => e.ToString()).ShouldBeEmpty();
            throw;
        }
    }
}
