using System.Globalization;
using System.Text.Json;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.EndToEnd;

/// <summary>
/// The shipped default profile (magdeburg, no Rules:Profile set) end to end: the demo data through `qev run --once`
/// in its own process, with Mail:Mode Smtp to the real SMTP sink, on both engines. Every rule with an open deadline
/// that day (read from `qev deadlines`) produces its mails, per rule with the counts below; a second run sends nothing.
/// </summary>
public sealed class DefaultProfileEndToEndTests
{
    private const string Monday = "2026-11-23";

    /// <summary>
    /// Mails per rule on Monday 23.11.2026 from the demo seeded at 08:00 that day (seed 78, 300 cases). F13/F14 (issue
    /// 10 point 4): the October pace check is a warning stage of the year's instance (one reminder), no longer an overdue
    /// instance of its own with escalation, and the quota is pro rata; so 29 and 26 mails instead of 73 and 48.
    /// </summary>
    private static readonly Dictionary<string, int> MailsPerRule = new(StringComparer.Ordinal)
    {
        ["F01"] = 37, ["F02"] = 51, ["F03"] = 2, ["F04"] = 14, ["F05"] = 2, ["F06"] = 5, ["F07"] = 3, ["F09"] = 1,
        ["F10"] = 4, ["F11"] = 4, ["F12"] = 10, ["F13"] = 29, ["F14"] = 26, ["F15"] = 3, ["F16"] = 51,
        ["digest"] = 8, ["admin"] = 1,
    };

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunOnce_DemoDataOnTheDefaultProfile_EveryRuleWithDataMailsOnceSecondRunNothing(TestEngine engine)
    {
        // Given: the demo data as of Monday 23.11.2026 08:00, and its own SMTP sink
        using var db = await TestDatabase.CreateAsync(engine);
        var folder = db.Folder;
        await using var sink = await SmtpSink.StartAsync(folder.Combine("sink"), folder.Combine("sink.json"));
        var clock = new Dictionary<string, string> { ["Clock__Start"] = Monday + "T08:00:00+01:00", ["Rules__Profile"] = QevProcess.ShippedProfile };
        var seed = await QevProcess.RunAsync(folder.Path, clock, "seed-demo", "--db", db.ConnectionString);
        seed.ExitCode.ShouldBe(0, seed.ToString());
        var env = new Dictionary<string, string>(clock)
        {
            ["Mail__Mode"] = "Smtp",
            ["Mail__Smtp__Host"] = "127.0.0.1",
            ["Mail__Smtp__Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail__Smtp__UseStartTls"] = "false",
            ["Notifications__AdminEmail"] = "it-fachverfahren@magdeburg.example",
        };

        // When
        var first = await QevProcess.RunAsync(folder.Path, env, "run", "--once", "--as-of", Monday, "--db", db.ConnectionString);
        var afterFirst = sink.Messages().Count;
        var second = await QevProcess.RunAsync(folder.Path, env, "run", "--once", "--as-of", Monday, "--db", db.ConnectionString);
        var report = await QevProcess.RunAsync(folder.Path, clock,
            "deadlines", "--as-of", Monday, "--format", "json", "--horizon-days", "3650", "--db", db.ConnectionString);

        // Then: per rule, the mails listed above, each notice once
        first.ExitCode.ShouldBe(0, first.ToString());
        var total = MailsPerRule.Values.Sum();
        first.StdOut.ShouldContain($"{total} Nachrichten neu vorgemerkt, {total} versendet (Mails: {sink.Messages().Count}), 0 zur Wiederholung, 0 unzustellbar", Case.Sensitive, first.ToString());
        // Bundled per person and day (the default): each notice among the mails' item keys; a notice with a Cc goes into
        // the bundle of each of its recipients, so it is counted once per key.
        var keys = sink.Messages().SelectMany(m => m.ItemKeys).Distinct(StringComparer.Ordinal).ToList();
        keys.Count.ShouldBe(total);
        keys.Distinct(StringComparer.Ordinal).Count().ShouldBe(total);
        keys.GroupBy(RuleOf).ToDictionary(g => g.Key, g => g.Count()).ShouldBe(MailsPerRule, ignoreOrder: true);

        // Then: every rule of the profile with an open deadline on that day is among them
        report.ExitCode.ShouldBe(0, report.ToString());
        using var json = JsonDocument.Parse(report.StdOut);
        var rulesWithOpenDeadlines = json.RootElement.EnumerateArray().Select(d => d.GetProperty("rule").GetString()!).Distinct().Order(StringComparer.Ordinal).ToList();
        rulesWithOpenDeadlines.Count.ShouldBe(15);
        rulesWithOpenDeadlines.ShouldBe(MailsPerRule.Keys.Where(k => k.StartsWith('F')).Order(StringComparer.Ordinal));

        // Then: the second run plans and sends nothing
        second.ExitCode.ShouldBe(0, second.ToString());
        second.StdOut.ShouldContain("0 Nachrichten neu vorgemerkt, 0 versendet", Case.Sensitive, second.ToString());
        sink.Messages().Count.ShouldBe(afterFirst);
    }

    private static string RuleOf(string key) => key[..key.IndexOf('/', StringComparison.Ordinal)];
}
