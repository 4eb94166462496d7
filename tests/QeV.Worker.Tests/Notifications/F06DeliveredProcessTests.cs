using System.Text.Json;
using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Notifications.NotificationData;

namespace QeV.Worker.Tests.Notifications;

/// <summary>
/// F06 end to end. Seed 000, Abrechnung: "… so ist unverzüglich die fallführende Fachkraft zu benachrichtigen." Once the
/// notice has been delivered to the case manager, `deadlines` shows the instance fulfilled: not overdue, not in a digest.
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

    [Fact]
    public async Task Deadlines_AfterTheNoticeWasDelivered_F06Fulfilled()
    {
        // Given: no-shows on 22.05., 29.05. and 05.06.2026 for C-1
        using var db = await TestDatabase.CreateAsync();
        var folder = db.Folder.WriteImportFolder(Files(NewDomain(), missedAppointments: true), "export");
        (await QevProcess.RunAsync(db.Folder.Path, "import", folder, "--db", db.ConnectionString)).ExitCode.ShouldBe(0);
        var before = await F06RowsAsync(db, "2026-06-08");

        // When: the day's run delivers the notice
        var once = await QevProcess.RunAsync(db.Folder.Path, "run", "--once", "--as-of", "2026-06-05", "--db", db.ConnectionString);

        // Then
        once.ExitCode.ShouldBe(0, once.ToString());
        SmtpMessage.ReadFolder(db.Folder.Combine("mail-out")).Select(m => m.NoticeKey).ShouldContain(MissedAppointmentsKey);
        before.ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("overdue");
        (await F06RowsAsync(db, "2026-06-08")).ShouldBeEmpty();
        (await F06RowsAsync(db, "2026-06-08", "--include-fulfilled")).ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("fulfilled");
    }
}
