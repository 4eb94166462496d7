using System.Globalization;
using QeV.Worker.Tests.Support;
using QeV.Worker.Tests.Support.Fixtures;

namespace QeV.Worker.Tests.Operations;

/// <summary>`qev doctor` and `qev test-mail` against a real SMTP sink, a closed port and real folders.</summary>
public sealed class DoctorProcessTests(SmtpSinkFixture fixture) : IClassFixture<SmtpSinkFixture>
{
    private static Dictionary<string, string> Smtp(int port) => new()
    {
        ["Mail__Mode"] = "Smtp",
        ["Mail__Smtp__Host"] = "127.0.0.1",
        ["Mail__Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Mail__Smtp__UseStartTls"] = "false",
        ["Mail__Smtp__Timeout"] = "00:00:05",
    };

    private static async Task<TestDatabase> ImportedAsync()
    {
        var db = await TestDatabase.CreateAsync();
        var import = await QevProcess.RunAsync(db.Folder.Path, "import", db.Folder.WriteImportFolder(ImportFiles.Minimal(), "export"), "--db", db.FilePath);
        import.ExitCode.ShouldBe(0, import.ToString());
        return db;
    }

    [Fact]
    public async Task Doctor_EverythingReachable_AllLinesOkExitZeroAndNoMailSent()
    {
        // Given
        using var db = await ImportedAsync();
        var before = fixture.Sink.Messages().Count;

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, Smtp(fixture.Sink.Port), "doctor", "--db", db.FilePath);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.StdOut.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldContain(l => l.StartsWith("[ OK ]   Konfiguration", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("[ OK ]   Datenbank", StringComparison.Ordinal) && l.Contains("alle", StringComparison.Ordinal), result.ToString());
        lines.ShouldContain(l => l.StartsWith($"[ OK ]   SMTP 127.0.0.1:{fixture.Sink.Port}", StringComparison.Ordinal) && l.Contains("EHLO", StringComparison.Ordinal), result.ToString());
        lines.ShouldContain(l => l.StartsWith("[ OK ]   Zeitzone und Feiertage: Europe/Berlin", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.StartsWith("[FEHLER]", StringComparison.Ordinal));
        lines[^1].ShouldBe("Alles in Ordnung.");
        fixture.Sink.Messages().Count.ShouldBe(before);
    }

    [Fact]
    public async Task Doctor_SmtpPortClosedAndDatabaseMissing_FailingLinesWithFixExitOne()
    {
        // Given
        using var temp = new TempFolder();
        var closed = SmtpSink.FreePort();

        // When
        var result = await QevProcess.RunAsync(temp.Path, Smtp(closed), "doctor", "--db", temp.Combine("fehlt", "qev.db"));

        // Then
        result.ExitCode.ShouldBe(1, result.ToString());
        var lines = result.StdOut.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var smtp = lines.FindIndex(l => l.StartsWith($"[FEHLER] SMTP 127.0.0.1:{closed}", StringComparison.Ordinal));
        smtp.ShouldBeGreaterThan(0, result.ToString());
        lines[smtp + 1].ShouldStartWith("Behebung: Mail:Smtp:Host und Mail:Smtp:Port prüfen");
        var database = lines.FindIndex(l => l.StartsWith("[FEHLER] Datenbank", StringComparison.Ordinal));
        database.ShouldBeGreaterThan(0, result.ToString());
        lines[database + 1].ShouldStartWith("Behebung: ");
        lines[^1].ShouldBe("2 Prüfung(en) fehlgeschlagen.");
        Directory.Exists(temp.Combine("fehlt")).ShouldBeFalse();
    }

    [Fact]
    public async Task Doctor_WrongSetting_ConfigurationLineFailsWithFix()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await QevProcess.RunAsync(temp.Path, new Dictionary<string, string> { ["Mail__Smtp__Port"] = "abc" }, "doctor");

        // Then
        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdOut.ShouldContain("[FEHLER] Konfiguration: Fehler in der Konfiguration: Mail:Smtp:Port: „abc“ ist ungültig; erlaubt: eine ganze Zahl.");
        result.StdOut.ShouldContain("Behebung: den genannten Schlüssel");
    }

    [Fact]
    public async Task Doctor_PickupFolderNotWritable_FailsWithFix()
    {
        // Given: the pickup "folder" lies below a file, so it can never be created
        using var db = await ImportedAsync();
        var file = db.Folder.WriteText("eine-datei", "x");

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, new Dictionary<string, string> { ["Mail__PickupDirectory"] = Path.Combine(file, "mail") },
            "doctor", "--db", db.FilePath);

        // Then
        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdOut.ShouldContain("[FEHLER] Ablageordner:");
        result.StdOut.ShouldContain("Behebung: Mail:PickupDirectory prüfen");
    }

    [Fact]
    public async Task TestMail_Smtp_OneMarkedMailArrives()
    {
        // Given
        using var temp = new TempFolder();
        var to = $"it@{Guid.NewGuid():N}.example.de";

        // When
        var result = await QevProcess.RunAsync(temp.Path, Smtp(fixture.Sink.Port), "test-mail", "--to", to);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdOut.ShouldStartWith($"Testnachricht an {to} übergeben: 127.0.0.1:{fixture.Sink.Port}");
        var mail = fixture.Sink.MessagesTo(to).ShouldHaveSingleItem();
        mail.Header("X-QeV-Test").ShouldBe("1");
        mail.Header("Subject").ShouldNotBeNull().ShouldContain("Testnachricht");
    }

    [Fact]
    public async Task TestMail_Pickup_WritesOneMarkedEml()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await QevProcess.RunAsync(temp.Path, "test-mail", "--to", "it@amt.example.de");

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        var mail = SmtpMessage.ReadFolder(temp.Combine("mail-out")).ShouldHaveSingleItem();
        mail.Header("X-QeV-Test").ShouldBe("1");
        Directory.Exists(temp.Combine("data")).ShouldBeFalse("test-mail needs no database");
    }

    [Fact]
    public async Task TestMail_ServerDown_OneLineExitOne()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await QevProcess.RunAsync(temp.Path, Smtp(SmtpSink.FreePort()), "test-mail", "--to", "it@amt.example.de");

        // Then
        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdErrLines.ShouldHaveSingleItem(result.ToString()).ShouldStartWith("Testnachricht nicht zugestellt: ");
    }
}
