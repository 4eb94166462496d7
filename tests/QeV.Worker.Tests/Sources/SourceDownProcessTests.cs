using System.Text.Json;
using Npgsql;
using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Sources;

/// <summary>
/// A source that stops answering, seen from outside, one `qev` process per step (each one a restart), the worker's own
/// store on PostgreSQL: the deadlines stay those of the last good read, the log, `health` and the admin report say so,
/// and once the source answers again its fresh facts count.
/// </summary>
public sealed class SourceDownProcessTests
{
    private const string Day = "2026-11-23";

    private static readonly string[] Deadlines = ["deadlines", "--as-of", Day, "--format", "json", "--include-fulfilled", "--horizon-days", "400"];

    [Fact]
    public async Task Scans_SourceDownThenRestartedThenBack_KeepLastGoodFactsAndSaySo()
    {
        // Given: every entity mapped to the Fachverfahren, one good scan
        using var fachverfahren = await Fachverfahren.DemoAsync(30);
        using var store = await TestDatabase.CreateAsync(TestEngine.Postgres);
        var up = fachverfahren.Settings();
        up["Notifications__AdminEmail"] = "it@jugendamt.example";
        var down = new Dictionary<string, string>(up)
        {
            // Nothing listens there: the source cannot be reached at all.
            ["Sources__Connections__fachverfahren__ConnectionString"] =
                new NpgsqlConnectionStringBuilder(fachverfahren.ConnectionString) { Port = 1, Timeout = 3 }.ConnectionString,
        };
        // (run first: its delivered notices fulfil F06 deadlines, so the deadlines are compared after it)
        var run = await RunAsync(store, up, "run", "--once", "--as-of", Day);
        var good = await RunAsync(store, up, Deadlines);

        // When: one view gone (meetings cannot be read), then the whole source unreachable across restarts
        await fachverfahren.ExecuteAsync("ALTER VIEW qev.meetings RENAME TO meetings_weg");
        var viewGone = await RunAsync(store, up, Deadlines);
        var restartedDown = await RunAsync(store, down, Deadlines);
        var runDown = await RunAsync(store, down, "run", "--once", "--as-of", "2026-11-24");
        var health = await QevProcess.RunAsync(store.Folder.Path, down, "health", "--db", store.ConnectionString);

        // Then: deadlines unchanged, the log, health and the admin report name the source
        Rows(good.StdOut).Count.ShouldBeGreaterThan(20);
        run.ExitCode.ShouldBe(0, run.ToString());
        Rows(viewGone.StdOut).ShouldBe(Rows(good.StdOut), "one entity's source gone: its last good rows count");
        viewGone.StdErr.ShouldContain("Quelle fachverfahren");
        viewGone.StdErr.ShouldContain("nicht erreichbar");
        Rows(restartedDown.StdOut).ShouldBe(Rows(good.StdOut), "restarted with the source down: the persisted last good facts count");
        restartedDown.StdErr.ShouldContain("es gelten die zuletzt gelesenen Daten vom");
        runDown.ExitCode.ShouldBe(0, runDown.ToString());
        health.ExitCode.ShouldBe(1, health.ToString());
        health.StdErr.ShouldStartWith("Eingeschränkt: eine Quelle ist nicht erreichbar");
        health.StdErr.ShouldContain("Quelle fachverfahren: nicht erreichbar seit ");
        health.StdErr.ShouldContain("es gelten die zuletzt gelesenen Daten vom ");
        var report = SmtpMessage.ReadFolder(store.Folder.Combine("mail-out")).Single(m => m.NoticeKey == "admin/2026-11-24");
        report.Text.ShouldContain("Quelle fachverfahren");
        report.Text.ShouldContain("nicht erreichbar");
        report.Text.ShouldContain("zuletzt gelesenen Daten");
        (await store.ScalarAsync<long>("SELECT COUNT(*) FROM cases")).ShouldBe(30, "the copy of the last good read");

        // When: the source answers again, with one file reference changed
        await fachverfahren.ExecuteAsync("ALTER VIEW qev.meetings_weg RENAME TO meetings");
        await fachverfahren.ExecuteAsync("UPDATE fv.hilfe SET aktenzeichen = 'NEU-4711' WHERE hilfe_nr = (SELECT min(hilfe_nr) FROM fv.hilfe)");
        var back = await RunAsync(store, up, Deadlines);
        var healthBack = await QevProcess.RunAsync(store.Folder.Path, up, "health", "--db", store.ConnectionString);

        // Then: fresh facts, healthy again
        back.StdErr.ShouldNotContain("nicht erreichbar");
        back.StdOut.ShouldContain("NEU-4711");
        Rows(back.StdOut).Count.ShouldBe(Rows(good.StdOut).Count);
        healthBack.ExitCode.ShouldBe(0, healthBack.ToString());
        healthBack.StdOut.ShouldContain("Quelle fachverfahren: erreichbar, zuletzt gelesen ");
    }

    private static async Task<QevResult> RunAsync(TestDatabase store, Dictionary<string, string> env, params string[] args)
    {
        var result = await QevProcess.RunAsync(store.Folder.Path, env, [.. args, "--db", store.ConnectionString]);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result;
    }

    private static List<string> Rows(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
    }
}
