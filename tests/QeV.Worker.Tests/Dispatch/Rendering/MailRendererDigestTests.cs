using QeV.Worker.Dispatch.Rendering;
using QeV.Domain.Planning;
using static QeV.Worker.Tests.Dispatch.Rendering.SampleNotices;

namespace QeV.Worker.Tests.Dispatch.Rendering;

public sealed class MailRendererDigestTests
{
    private static MailRenderer Renderer() =>
        new(new MailTemplates(), new FixedTimeProvider(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero)));

    private static NoticeContent SampleDigest() => Digest(
        overdue:
        [
            Line("F12", "S-7", new DateOnly(2026, 11, 20)),
            Line("F01", "M-2", new DateOnly(2026, 11, 18), "51.2-0002/25"),
            Line("F01", "M-1", new DateOnly(2026, 10, 1), "51.2-0001/24"),
            Line("F07", "A-1", new DateOnly(2026, 11, 2)),
            Line("F01", "M-3", new DateOnly(2026, 11, 20), "51.2-0003/26"),
        ],
        dueSoon:
        [
            Line("F12", "S-8", new DateOnly(2026, 11, 30)),
            Line("F01", "M-4", new DateOnly(2026, 11, 24), "51.2-0004/26"),
            Line("F09", "J-1", new DateOnly(2026, 11, 23)),
        ],
        problems: [new DataProblemLine("S-9", "Uwe Ohnemail", "keine E-Mail-Adresse", "F12")]);

    [Fact]
    public void Render_Digest_SubjectCountsOverdueAndDueSoon() =>
        Renderer().Render(SampleDigest()).Subject.ShouldBe("Tagesübersicht Fristen 23.11.2026: 5 überfällig, 3 bald fällig");

    [Fact]
    public void Render_Digest_GroupsOverdueByRuleOldestFirst()
    {
        var text = Renderer().Render(SampleDigest()).Text;

        var order = new[]
        {
            "F01 Entwicklungsbericht:", "Az. 51.2-0001/24: fällig 01.10.2026, seit 53 Tagen überfällig",
            "Az. 51.2-0002/25: fällig 18.11.2026, seit 5 Tagen überfällig", "Az. 51.2-0003/26",
            "F07 Leistungsbericht:", "A-1: fällig 02.11.2026, seit 21 Tagen überfällig",
            "F12 Erweitertes Führungszeugnis:", "S-7: fällig 20.11.2026, seit 3 Tagen überfällig",
            "Bald fällig (3):",
        };
        var positions = order.Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToArray();
        positions.ShouldAllBe(p => p >= 0);
        positions.ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public void Render_Digest_ListsDueSoonByDateAndDataProblems()
    {
        var text = Renderer().Render(SampleDigest()).Text;

        var j = text.IndexOf("- Überprüfung der Standards in der AG § 78 (J-1): fällig 23.11.2026 (heute fällig)", StringComparison.Ordinal);
        var m = text.IndexOf("- Entwicklungsbericht zu Az. 51.2-0004/26: fällig 24.11.2026 (noch 1 Tag)", StringComparison.Ordinal);
        var s = text.IndexOf("- Erweitertes Führungszeugnis (S-8): fällig 30.11.2026 (noch 7 Tage)", StringComparison.Ordinal);
        j.ShouldBeGreaterThan(0);
        m.ShouldBeGreaterThan(j);
        s.ShouldBeGreaterThan(m);
        text.ShouldContain("- Uwe Ohnemail (S-9): keine E-Mail-Adresse (F12)");
    }

    [Fact]
    public void Render_Digest_HtmlShowsGroupsAsLists()
    {
        var html = Renderer().Render(SampleDigest()).Html;

        html.ShouldContain("<p style=\"margin:0 0 1em 0;\">F01 Entwicklungsbericht:</p>\n<ul");
        html.ShouldContain("<li>Az. 51.2-0001/24: fällig 01.10.2026, seit 53 Tagen überfällig; zuständig: Karl Muster</li>");
    }

    [Fact]
    public void Render_EmptyDigest_SaysNothingIsOverdue()
    {
        var mail = Renderer().Render(Digest([], [], []));

        mail.Subject.ShouldBe("Tagesübersicht Fristen 23.11.2026: 0 überfällig, 0 bald fällig");
        mail.Text.ShouldContain("Überfällig ist derzeit nichts.");
        mail.Text.ShouldNotContain("Bald fällig");
        mail.Text.ShouldNotContain("Datenprobleme");
        mail.Calendar.ShouldBeNull();
    }

    [Fact]
    public void Render_AdminReport_CountsAndListsProblems()
    {
        var mail = Renderer().Render(AdminReport(
            new DataProblemLine("S-9", "Uwe Ohnemail", "keine E-Mail-Adresse", "F12"),
            new DataProblemLine("S-4", null, "inaktiv, aber zuständig", "F01 M-1")));

        mail.Subject.ShouldBe("Datenprobleme QeV.Worker 23.11.2026: 2");
        mail.Text.ShouldContain("2 Datenprobleme gefunden");
        mail.Text.ShouldContain("- Uwe Ohnemail (S-9): keine E-Mail-Adresse (F12)");
        mail.Text.ShouldContain("- S-4: inaktiv, aber zuständig (F01 M-1)");
        mail.Text.ShouldStartWith("Guten Tag Administration,");
    }

    [Fact]
    public void Render_AdminReportWithOneProblem_UsesSingular() =>
        Renderer().Render(AdminReport(new DataProblemLine("S-9", null, "keine E-Mail-Adresse", "F12")))
            .Text.ShouldContain("1 Datenproblem gefunden");
}
