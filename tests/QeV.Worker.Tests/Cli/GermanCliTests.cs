using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Cli;

/// <summary>The command line speaks German: help, option descriptions, System.CommandLine's own parse errors, labels.</summary>
public sealed class GermanCliTests
{
    private static readonly string[] English =
        ["Usage", "Description:", "Options:", "Commands:", "Show help", "[command]", "[options]", "Cannot parse", "Required argument", "expected type"];

    public static TheoryData<string> HelpCalls => new()
    {
        "--help",
        "-h",
        "deadlines --help",
        "import --help",
        "run --help",
        "test-mail --help",
        "doctor --help",
    };

    [Theory]
    [MemberData(nameof(HelpCalls))]
    public async Task Help_AnyCommand_GermanWithoutEnglishWords(string commandLine)
    {
        using var temp = new TempFolder();
        var result = await QevProcess.RunAsync(temp.Path, commandLine.Split(' '));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdOut.ShouldContain("Aufruf:");
        result.StdOut.ShouldContain("diese Hilfe anzeigen");
        foreach (var word in English)
        {
            result.StdOut.ShouldNotContain(word, Case.Sensitive, result.ToString());
        }
    }

    [Fact]
    public async Task Help_Deadlines_ListsItsOptionsWithGermanDescriptionsAndDefaults()
    {
        using var temp = new TempFolder();
        var result = await QevProcess.RunAsync(temp.Path, "deadlines", "--help");

        result.StdOut.ShouldContain("qev deadlines [Optionen]");
        result.StdOut.ShouldContain("--horizon-days <horizon-days>");
        result.StdOut.ShouldContain("(Standard: 90)");
        result.StdOut.ShouldContain("--db <db>");
    }

    public static TheoryData<string, string> ParseErrors => new()
    {
        { "deadlines --horizon-days viele", "--horizon-days: „viele“ ist ungültig; erwartet: eine ganze Zahl." },
        { "import", "Ein erforderliches Argument fehlt für den Befehl: 'import'." },
        { "deadlines --as-of", "Ein erforderliches Argument fehlt für die Option: '--as-of'." },
        { "test-mail", "Die Option --to ist erforderlich." },
        { "deadlnes", "Meinten Sie „qev deadlines“?" },
        { "histroy", "Meinten Sie „qev history“?" },
        { "doktor", "Meinten Sie „qev doctor“?" },
    };

    [Theory]
    [MemberData(nameof(ParseErrors))]
    public async Task ParseError_Any_OneGermanLineExit2(string commandLine, string expected)
    {
        using var temp = new TempFolder();
        var result = await QevProcess.RunAsync(temp.Path, commandLine.Split(' '));

        result.ExitCode.ShouldBe(2, result.ToString());
        var line = result.StdErrLines.ShouldHaveSingleItem(result.ToString());
        line.ShouldContain(expected);
        foreach (var word in English)
        {
            line.ShouldNotContain(word, Case.Sensitive);
        }
    }

    [Fact]
    public async Task PreviewAndHistory_AfterRunOnce_GermanStatesAndKinds()
    {
        // Given
        using var db = await TestDatabase.CreateAsync();
        var import = await QevProcess.RunAsync(db.Folder.Path, "import", db.Folder.WriteImportFolder(Files(NewDomain(), cases: 2), "export"), "--db", db.FilePath);
        import.ExitCode.ShouldBe(0, import.ToString());
        var preview = await QevProcess.RunAsync(db.Folder.Path, "preview", "--as-of", "2026-06-05", "--days", "1", "--db", db.FilePath);
        (await QevProcess.RunAsync(db.Folder.Path, "run", "--once", "--as-of", "2026-06-05", "--db", db.FilePath)).ExitCode.ShouldBe(0);

        // When
        var history = await QevProcess.RunAsync(db.Folder.Path, "history", "--db", db.FilePath);

        // Then
        preview.ExitCode.ShouldBe(0, preview.ToString());
        preview.StdOut.ShouldContain(" Erinnerung ", Case.Sensitive, preview.ToString());
        preview.StdOut.ShouldNotContain("Reminder", Case.Sensitive);
        history.ExitCode.ShouldBe(0, history.ToString());
        history.StdOut.ShouldContain("versendet  ");
        history.StdOut.ShouldContain("Erinnerung");
        history.StdOut.ShouldContain("Übersicht");
        history.StdOut.ShouldNotContain(" sent ", Case.Sensitive);
        history.StdOut.ShouldNotContain("reminder  ", Case.Sensitive);
    }
}
