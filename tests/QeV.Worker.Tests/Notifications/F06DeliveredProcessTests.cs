using System.Text.Json;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Notifications;

/// <summary>
/// F06 end to end on the incremental scan (issue 9's deadlines table). Seed 000, Abrechnung: "… so ist unverzüglich die
/// fallführende Fachkraft zu benachrichtigen." Once the notice has been delivered to the case manager, the next scan
/// shows the instance fulfilled: not overdue, not in a digest. The case's facts did not change, so only the delivered
/// notice in its partition's fingerprint makes the scan judge it again, on the same day and on a later one.
/// </summary>
public sealed class F06DeliveredProcessTests
{
    private static async Task<List<JsonElement>> F06RowsAsync(TestDatabase db, string asOf, params string[] extra)
    {
        var result = await QevProcess.RunAsync(db.Folder.Path, ["deadlines", "--as-of", asOf, "--format", "json", .. extra, "--db", db.ConnectionString]);
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        return json.RootElement.EnumerateArray().Where(r => r.GetProperty("rule").GetString() == "F06").Select(r => r.Clone()).ToList();
    }

    private static string StatusOf(List<JsonElement> rows) => rows.ShouldHaveSingleItem().GetProperty("status").GetString()!;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ScanThenRunOnceThenScan_NoticeDelivered_NextScanMarksF06Fulfilled(TestEngine engine)
    {
        // Given: no-shows on 22.05., 29.05. and 05.06.2026 for C-1; the day's scan has stored F06 as owed
        using var db = await TestDatabase.CreateAsync(engine);
        var folder = db.Folder.WriteImportFolder(Files(NewDomain(), missedAppointments: true), "export");
        (await QevProcess.RunAsync(db.Folder.Path, "import", folder, "--db", db.ConnectionString)).ExitCode.ShouldBe(0);
        var scanned = await QevProcess.RunAsync(db.Folder.Path, "scan", "--as-of", "2026-06-05", "--db", db.ConnectionString);
        scanned.ExitCode.ShouldBe(0, scanned.ToString());
        var before = await F06RowsAsync(db, "2026-06-05", "--include-fulfilled");

        // When: the day's run delivers the notice, then the same day's and a later day's scans
        var once = await QevProcess.RunAsync(db.Folder.Path, "run", "--once", "--as-of", "2026-06-05", "--db", db.ConnectionString);
        var sameDay = await F06RowsAsync(db, "2026-06-05", "--include-fulfilled");
        var sameDayOpen = await F06RowsAsync(db, "2026-06-05");
        var later = await F06RowsAsync(db, "2026-06-08");
        var laterAll = await F06RowsAsync(db, "2026-06-08", "--include-fulfilled");

        // Then
        once.ExitCode.ShouldBe(0, once.ToString());
        SmtpMessage.ReadFolder(db.Folder.Combine("mail-out")).Select(m => m.NoticeKey).ShouldContain(MissedAppointmentsKey);
        (await db.ScalarAsync<long>("SELECT COUNT(*) FROM notices WHERE kind = 'notice' AND rule = 'F06' AND state = 'sent'")).ShouldBe(1);
        StatusOf(before).ShouldNotBe("fulfilled");
        StatusOf(sameDay).ShouldBe("fulfilled");
        sameDayOpen.ShouldBeEmpty();
        later.ShouldBeEmpty();
        StatusOf(laterAll).ShouldBe("fulfilled");
    }

    [Fact]
    public async Task Deadlines_NoticeNotYetDelivered_F06StaysOverdueOnLaterScans()
    {
        // Given: the same no-shows, but nobody ran the dispatch
        using var db = await TestDatabase.CreateAsync();
        var folder = db.Folder.WriteImportFolder(Files(NewDomain(), missedAppointments: true), "export");
        (await QevProcess.RunAsync(db.Folder.Path, "import", folder, "--db", db.ConnectionString)).ExitCode.ShouldBe(0);

        // When
        var first = await F06RowsAsync(db, "2026-06-08");
        var second = await F06RowsAsync(db, "2026-06-09");

        // Then
        StatusOf(first).ShouldBe("overdue");
        StatusOf(second).ShouldBe("overdue");
    }
}
