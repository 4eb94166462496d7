using QeV.Worker.Tests.Support;

namespace QeV.Worker.Tests.Sources;

/// <summary>A bad source row reaches the admin report of `run --once`, naming source, entity, key and column.</summary>
public sealed class SourceAdminReportProcessTests
{
    [Fact]
    public async Task RunOnce_BadRowInTheSource_ListedInTheAdminReport()
    {
        // Given: one appointment with an outcome code the mapping does not know
        using var fachverfahren = await Fachverfahren.WithUnknownOutcomeAsync();
        using var store = await TestDatabase.CreateAsync();
        var env = fachverfahren.Settings();
        env["Notifications__AdminEmail"] = "it@jugendamt.example";

        // When
        var result = await QevProcess.RunAsync(store.Folder.Path, env, "run", "--once", "--as-of", "2026-11-23", "--db", store.ConnectionString);

        // Then
        result.ExitCode.ShouldBe(0, result.ToString());
        var report = SmtpMessage.ReadFolder(store.Folder.Combine("mail-out")).Single(m => m.NoticeKey == "admin/2026-11-23");
        report.Text.ShouldContain("Quelle fachverfahren: appointments");
        report.Text.ShouldContain("Spalte outcome: Pflichtfeld ist leer.");
    }
}
