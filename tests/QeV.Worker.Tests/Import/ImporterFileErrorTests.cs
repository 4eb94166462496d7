using System.Text;
using QeV.Worker.Import;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Support.ImportFiles;
using static QeV.Worker.Tests.Import.ImportRefusal;

namespace QeV.Worker.Tests.Import;

/// <summary>A badly formed file (header, field count, encoding, quotes) refuses the whole run, naming the physical line.</summary>
public sealed class ImporterFileErrorTests
{
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
}
