using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Operations;

/// <summary>
/// A wrong setting, as an administrator would make it in the environment, stops the real binary before it touches
/// anything: exit 2, one line on stderr naming the key and what is allowed, no stack trace.
/// </summary>
public sealed class SettingsProcessTests
{
    public static TheoryData<string, string, string, string> WrongSettings => new()
    {
        // variable, value, key in the message, allowed values in the message
        { "Mail__Mode", "Smpt", "Mail:Mode", "Pickup, Smtp" },
        { "Mail__Smtp__Port", "abc", "Mail:Smtp:Port", "ganze Zahl" },
        { "Mail__Smtp__Port", "0", "Mail:Smtp:Port", "1 bis 65535" },
        { "Mail__Smtp__Port", "70000", "Mail:Smtp:Port", "1 bis 65535" },
        { "Mail__Smtp__Timeout", "-00:00:05", "Mail:Smtp:Timeout", "00:00:01 bis 00:10:00" },
        { "Mail__Smtp__Timeout", "dreißig", "Mail:Smtp:Timeout", "Dauer" },
        { "Mail__Smtp__UseStartTls", "vielleicht", "Mail:Smtp:UseStartTls", "true oder false" },
        { "Mail__Smtp__From", "kein absender", "Mail:Smtp:From", "adresse@domain" },
        { "Mail__Smtp__Prot", "25", "Mail:Smtp:Prot", "bekannt sind: Host, Port" },
        { "Notifications__MaxAttemps", "3", "Notifications:MaxAttemps", "MaxAttempts" },
        { "Notifications__MaxRetryDelay", "-01:00:00", "Notifications:MaxRetryDelay", "00:00:01 bis 7.00:00:00" },
        { "Notifications__RetryDelay", "00:00:00", "Notifications:RetryDelay", "00:00:01 bis 1.00:00:00" },
        { "Notifications__MaxAttempts", "0", "Notifications:MaxAttempts", "1 bis 100" },
        { "Notifications__MaxAttempts", "viele", "Notifications:MaxAttempts", "ganze Zahl" },
        { "Notifications__ImmediateRetries", "-1", "Notifications:ImmediateRetries", "0 bis 10" },
        { "Notifications__ClaimLease", "-00:05:00", "Notifications:ClaimLease", "00:00:01 bis 1.00:00:00" },
        { "Notifications__OfficeHours", "18:00-07:00", "Notifications:OfficeHours", "07:00-18:00" },
        { "Notifications__AdminEmail", "admin", "Notifications:AdminEmail", "it@amt.example" },
        { "Notifications__DataContact", "x", "Notifications:DataContact", "eine Zeile mit 3 bis 200 Zeichen" },
        { "Notifications__DataContact", "Support\tFachverfahren", "Notifications:DataContact", "eine Zeile mit 3 bis 200 Zeichen" },
        { "Notifications__AdminName", new string('a', 201), "Notifications:AdminName", "eine Zeile mit 3 bis 200 Zeichen" },
        { "Notifications__DigestDueSoonBusinessDays", "-3", "Notifications:DigestDueSoonBusinessDays", "0 bis 60" },
        { "Schedule__ScanCron", "* * *", "Schedule:ScanCron", "Quartz-Cron-Ausdruck" },
        { "Schedule__DigestCron", "jeden Morgen", "Schedule:DigestCron", "Quartz-Cron-Ausdruck" },
        { "Office__TimeZone", "Europe/Berlín", "Office:TimeZone", "Europe/Berlin" },
        { "Office__DefaultState", "XX", "Office:DefaultState", "ST, SH, TH" },
        { "Database__ConnectionString", "Data Source=x.db;Foo=1", "Database:ConnectionString", "Data Source, Mode" },
        { "Database__ConnectionString", "Host=127.0.0.1;Hots=db", "Database:ConnectionString", "Host, Port, Database" },
        { "Cluster__CheckinInterval", "-00:00:10", "Cluster:CheckinInterval", "00:00:01 bis 00:10:00" },
        { "Health__MaxScanAge", "00:00:00", "Health:MaxScanAge", "00:01:00 bis 7.00:00:00" },
        { "Otlp__Endpoint", "collector ohne schema", "Otlp:Endpoint", "http://localhost:4318" },
        { "Clock__Start", "gestern", "Clock:Start", "2026-11-23T08:00:00+01:00" },
        { "Rules__Profile", "magdebrug", "Rules:Profile", "magdeburg" },
        { "Rules__Jugendaemter__JA-2", "hamburg", "Rules:Jugendaemter:JA-2", "bekannt: magdeburg" },
        { "Rules__Jugendaemter__JA-2__F01", "6w", "Rules:Jugendaemter:JA-2", "<organisation_id> = <Profilname>" },
        { "Rules__Profiles__ja2__Profile", "magdebrug", "Rules:Profiles:ja2:Profile", "magdeburg" },
        { "Rules__Profiles__ja2__F01__Parameters__Before", "6x", "Rules:Profiles:ja2:F01:Parameters:Before", "14d" },
        { "Serilog__MinimumLevel__Override__Quartz", "Laut", "Serilog:MinimumLevel:Override:Quartz", "Verbose, Debug, Information" },
        { "Serilog__WriteTo__9__Name", "Sqe", "Serilog:WriteTo:9:Name", "Console, File, Seq" },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public async Task Start_WrongSetting_OneLineNamingKeyAndAllowedValuesExit2(string variable, string value, string key, string allowed)
    {
        // Given
        using var temp = new TempFolder();

        // When: a read-only command, so that a missing database would be the other possible error
        var result = await QevProcess.RunAsync(temp.Path, new Dictionary<string, string> { [variable] = value }, "deadlines");

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErrLines.Count.ShouldBe(1, result.ToString());
        var line = result.StdErrLines[0];
        line.ShouldStartWith("Fehler in der Konfiguration: ", Case.Sensitive, result.ToString());
        line.ShouldContain(key, Case.Sensitive, result.ToString());
        line.ShouldContain(allowed, Case.Sensitive, result.ToString());
        result.StdErr.ShouldNotContain("   at ", Case.Sensitive);
        result.StdOut.ShouldBeEmpty(result.ToString());
        Directory.Exists(temp.Combine("data")).ShouldBeFalse("nothing may be created before the settings are valid");
    }

    [Fact]
    public async Task RunOnce_WrongSetting_StopsBeforeTheDatabaseWithExit2()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await QevProcess.RunAsync(temp.Path, new Dictionary<string, string> { ["Mail__Mode"] = "Smpt" }, "run", "--once");

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErrLines.ShouldHaveSingleItem(result.ToString()).ShouldContain("Mail:Mode: „Smpt“ ist ungültig; erlaubt: Pickup, Smtp.");
        Directory.Exists(temp.Combine("data")).ShouldBeFalse();
    }

    [Fact]
    public async Task Start_PasswordInWrongConnectionString_IsNotPrinted()
    {
        // Given
        using var temp = new TempFolder();

        // When
        var result = await QevProcess.RunAsync(temp.Path,
            new Dictionary<string, string> { ["Database__ConnectionString"] = "Host=127.0.0.1;Password=Geheim123;Hots=db" }, "deadlines");

        // Then
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldNotContain("Geheim123");
        result.StdErr.ShouldContain("Password=***");
    }
}
