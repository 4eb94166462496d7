using QeV.Domain.Tables;
using QeV.Worker.Import;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Support.ImportFiles;

namespace QeV.Worker.Tests.Import;

/// <summary>
/// The optional column <c>agreements.jugendamt_organisation_id</c> (M015, issue 10 point 12): the Jugendamt an agreement
/// is concluded with, for a provider that works with several (seed 000 § 2 Nr. 1 "regional und überregional tätigen
/// Träger"). It must name an organisation of kind <c>jugendamt</c>; files without it mean what they meant before.
/// </summary>
public sealed class AgreementJugendamtImportTests
{
    private const string Header =
        "agreement_id,provider_organisation_id,kind,concluded_date,valid_until,next_dialogue_date,jugendamt_organisation_id";

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Import_JugendamtColumn_LoadedIntoTheFacts(TestEngine engine)
    {
        // Given: TR-1 with one agreement with JA-1 and one with JA-2
        using var db = await TestDatabase.CreateAsync(engine);
        var files = Minimal();
        files["organisations.csv"] += "JA-2,jugendamt,Jugendamt Halle,,ST\n";
        files["agreements.csv"] = Lines(Header, "AG-1,TR-1,qev,2018-03-15,,,JA-1", "AG-2,TR-1,qev,2018-03-15,,,JA-2", "AG-3,TR-1,leq,2019-05-01,,,");

        // When
        await db.ImportAsync(files);
        var facts = await db.LoadFactsAsync();

        // Then
        facts.Agreements.OrderBy(a => a.AgreementId, StringComparer.Ordinal).Select(a => a.JugendamtOrganisationId)
            .ShouldBe(["JA-1", "JA-2", null]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Import_JugendamtColumnNamesAProviderInTheSameRun_RefusedWithFileLineColumn(TestEngine engine)
    {
        // Given: line 3 names TR-1, a Träger imported in the same run
        using var db = await TestDatabase.CreateAsync(engine);
        var files = Minimal();
        files["agreements.csv"] = Lines(Header, "AG-1,TR-1,qev,2018-03-15,,,JA-1", "AG-2,TR-1,qev,2018-03-15,,,TR-1");

        // When
        var ex = await Should.ThrowAsync<ImportFailedException>(() => db.ImportAsync(files));

        // Then
        ShouldBeWrongKind(ex.Errors.ShouldHaveSingleItem(), 3, "TR-1");
        (await db.CountRowsAsync()).Values.ShouldAllBe(count => count == 0);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Import_JugendamtColumnNamesAStoredProvider_RefusedWithoutATrace(TestEngine engine)
    {
        // Given: the organisations are in the database already; the second run brings agreements.csv only
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        var before = await db.SnapshotAsync();

        // When
        var ex = await Should.ThrowAsync<ImportFailedException>(() => db.ImportAsync(new Dictionary<string, string>
        {
            ["agreements.csv"] = Lines(Header, "AG-1,TR-1,qev,2018-03-15,,,TR-1"),
        }));

        // Then
        ShouldBeWrongKind(ex.Errors.ShouldHaveSingleItem(), 2, "TR-1");
        (await db.SnapshotAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Import_RunTurnsAStoredJugendamtIntoAProvider_TheRunsKindCounts(TestEngine engine)
    {
        // Given: JA-1 is stored as a Jugendamt; this run imports it as a Träger and names it on an agreement
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());

        // When
        var ex = await Should.ThrowAsync<ImportFailedException>(() => db.ImportAsync(new Dictionary<string, string>
        {
            ["organisations.csv"] = Lines("organisation_id,kind,name,contact_email,state", "JA-1,traeger,Verein,,ST"),
            ["agreements.csv"] = Lines(Header, "AG-1,TR-1,qev,2018-03-15,,,JA-1"),
        }));

        // Then
        ShouldBeWrongKind(ex.Errors.ShouldHaveSingleItem(), 2, "JA-1");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Validate_InMemoryPath_SameErrorsAsTheStagedImport(TestEngine engine)
    {
        // Given: SQL Server's path (all files in memory, stored kinds from ImportWriter.LoadKeysAsync) on the same data:
        // TR-1 stored, JA-1 stored, AG-2 names the Träger
        using var db = await TestDatabase.CreateAsync(engine);
        await db.ImportAsync(Minimal());
        var folder = db.Folder.WriteImportFolder(new Dictionary<string, string>
        {
            ["agreements.csv"] = Lines(Header, "AG-1,TR-1,qev,2018-03-15,,,JA-1", "AG-2,TR-1,qev,2018-03-15,,,TR-1"),
        });
        var errors = new List<ImportError>();
        var tables = ImportCatalog.Tables.Select(spec => CsvTableReader.Read(spec, folder, errors)).ToList();

        // When
        ImportValidator.Validate(tables, await new ImportWriter(db.Database).LoadKeysAsync(CancellationToken.None), errors);

        // Then
        ShouldBeWrongKind(errors.ShouldHaveSingleItem(), 3, "TR-1");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Import_WithoutTheColumn_AgreementsHaveNoJugendamt(TestEngine engine)
    {
        // Given: the export of before
        using var db = await TestDatabase.CreateAsync(engine);

        // When
        await db.ImportAsync(Minimal());
        var facts = await db.LoadFactsAsync();

        // Then
        facts.Agreements.ShouldHaveSingleItem().JugendamtOrganisationId.ShouldBeNull();
        (await db.CountRowsAsync()).ShouldBe(MinimalCounts);
    }

    private static void ShouldBeWrongKind(ImportError error, int line, string id)
    {
        error.File.ShouldBe("agreements.csv");
        error.Line.ShouldBe(line);
        error.Column.ShouldBe("jugendamt_organisation_id");
        error.Reason.ShouldContain($"„{id}“");
        error.Reason.ShouldContain("„jugendamt“");
        error.ToString().ShouldStartWith($"agreements.csv, Zeile {line}, Spalte jugendamt_organisation_id: ");
    }
}
