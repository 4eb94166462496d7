using System.Globalization;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Operations;

/// <summary>`qev health` against what the worker recorded (migration 6): stale before the first scan, healthy after a run, stale again later.</summary>
public sealed class HealthProcessTests
{
    private static async Task<TestDatabase> ImportedAsync(TestEngine engine)
    {
        var db = await TestDatabase.CreateAsync(engine);
        var import = await QevProcess.RunAsync(db.Folder.Path, "import", db.Folder.WriteImportFolder(Files(NewDomain()), "export"), "--db", db.ConnectionString);
        import.ExitCode.ShouldBe(0, import.ToString());
        return db;
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Health_BeforeFirstScan_StaleWithOneGermanLine(TestEngine engine)
    {
        // Given
        using var db = await ImportedAsync(engine);

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "health", "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdErrLines.ShouldHaveSingleItem(result.ToString()).ShouldStartWith("Nicht gesund: noch kein Scan gelaufen; noch kein Versandlauf.");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Health_AfterRunOnce_HealthyExitZero(TestEngine engine)
    {
        // Given
        using var db = await ImportedAsync(engine);
        var run = await QevProcess.RunAsync(db.Folder.Path, "run", "--once", "--db", db.ConnectionString);
        run.ExitCode.ShouldBe(0, run.ToString());

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, "health", "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdOut.ShouldStartWith("Gesund: letzter Scan ");
        result.StdErr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Health_AnHourAfterTheLastRun_ScanAndDispatchStale()
    {
        // Given: a run now; health asked with the clock an hour ahead (Clock:Start)
        using var db = await ImportedAsync(TestEngine.Sqlite);
        var run = await QevProcess.RunAsync(db.Folder.Path, "run", "--once", "--db", db.ConnectionString);
        run.ExitCode.ShouldBe(0, run.ToString());
        var later = DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture);

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, new Dictionary<string, string> { ["Clock__Start"] = later }, "health", "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(1, result.ToString());
        var line = result.StdErrLines.ShouldHaveSingleItem(result.ToString());
        line.ShouldStartWith("Nicht gesund: letzter erfolgreicher Scan vor ");
        line.ShouldContain("erlaubt sind 45 min (Health:MaxScanAge)");
        line.ShouldContain("letzter Versandlauf vor ");
    }

    [Fact]
    public async Task Health_ThresholdsFromSettings_TwoHoursAllowedIsHealthy()
    {
        // Given
        using var db = await ImportedAsync(TestEngine.Sqlite);
        (await QevProcess.RunAsync(db.Folder.Path, "run", "--once", "--db", db.ConnectionString)).ExitCode.ShouldBe(0);
        var env = new Dictionary<string, string>
        {
            ["Clock__Start"] = DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture),
            ["Health__MaxScanAge"] = "02:00:00",
            ["Health__MaxDispatchAge"] = "02:00:00",
        };

        // When
        var result = await QevProcess.RunAsync(db.Folder.Path, env, "health", "--db", db.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
    }
}
