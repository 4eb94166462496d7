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
            Line("F12", "S-7", new DateOnly(2026, 11, 20)) with { SubjectName = "Anna Beispiel" },
            Line("F01", "M-2", new DateOnly(2026, 11, 18), "51.2-0002/25"),
            Line("F01", "M-1", new DateOnly(2026, 10, 1), "51.2-0001/24"),
            Line("F07", "A-1", new DateOnly(2026, 11, 2)) with { SubjectName = "Jugendhilfe Nord gGmbH" },
            Line("F01", "M-3", new DateOnly(2026, 11, 20), "51.2-0003/26"),
        ],
        dueSoon:
        [
            Line("F12", "S-8", new DateOnly(2026, 11, 30)) with { SubjectName = "Bernd Probe" },
            Line("F16", "C-4", new DateOnly(2026, 12, 31), "51.2-0004/26") with { Month = "November 2026", ResponsibleName = null },
            Line("F01", "M-4", new DateOnly(2026, 11, 24), "51.2-0004/26"),
            Line("F09", "J-1", new DateOnly(2026, 11, 23)) with { SubjectName = "Jugendamt Magdeburg" },
        ],
        problems: [new DataProblemLine("S-9", "Uwe Ohnemail", "keine E-Mail-Adresse", "F12")]);

    [Fact]
    public void Render_Digest_SubjectCountsOverdueAndDueSoon() =>
        Renderer().Render(SampleDigest()).Subject.ShouldBe("Tagesübersicht Fristen 23.11.2026: 5 überfällig, 4 bald fällig");

    /// <summary>
    /// Issue 10: "The digest is a table a team lead scans: grouped by rule, with the subject named (the month for F16); staff
    /// by name, not by ID; overdue rows first; a count per group."
    /// </summary>
    [Fact]
    public void Render_Digest_GroupsByRuleWithCountsOverdueRowsFirst()
    {
        var text = Renderer().Render(SampleDigest()).Text;

        var order = new[]
        {
            "F01 Entwicklungsbericht: 4, davon 3 überfällig",
            "| Betrifft | Fällig am | Stand | Zuständig |",
            "| Az. 51.2-0001/24 | 01.10.2026 | seit 53 Tagen überfällig | Karl Muster |",
            "| Az. 51.2-0002/25 | 18.11.2026 | seit 5 Tagen überfällig | Karl Muster |",
            "| Az. 51.2-0003/26 | 20.11.2026 | seit 3 Tagen überfällig | Karl Muster |",
            "| Az. 51.2-0004/26 | 24.11.2026 | noch 1 Tag | Karl Muster |",
            "F07 Leistungsbericht: 1, davon 1 überfällig",
            "| Jugendhilfe Nord gGmbH | 02.11.2026 | seit 21 Tagen überfällig | Karl Muster |",
            "F09 Überprüfung der Standards in der AG § 78: 1\n",
            "| Jugendamt Magdeburg | 23.11.2026 | heute fällig | Karl Muster |",
            "F12 Erweitertes Führungszeugnis: 2, davon 1 überfällig",
            "| Anna Beispiel | 20.11.2026 | seit 3 Tagen überfällig | Karl Muster |",
            "| Bernd Probe | 30.11.2026 | noch 7 Tage | Karl Muster |",
            "F16 Nachweisblatt: 1\n",
            "| Az. 51.2-0004/26, November 2026 | 31.12.2026 | noch 38 Tage | nicht hinterlegt |",
            "Datenprobleme (1)",
            "- Uwe Ohnemail: keine E-Mail-Adresse (F12)",
        };
        var positions = order.Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToArray();
        order.Where((_, i) => positions[i] < 0).ShouldBeEmpty();
        positions.ShouldBeInOrder(SortDirection.Ascending);
        text.ShouldNotContain("S-7");
        text.ShouldNotContain("S-9");
    }

    [Fact]
    public void Render_Digest_NamesProgressAndWarning()
    {
        var digest = Digest([], [Line("F13", "S-3", new DateOnly(2026, 12, 31)) with { SubjectName = "Anna Beispiel", Progress = "6 von 15,6", Note = "Warnung: Rückstand" }], []);

        var text = Renderer().Render(digest).Text;

        text.ShouldContain("F13 Fortbildung: 1\n");
        text.ShouldContain("| Anna Beispiel (6 von 15,6) | 31.12.2026 | noch 38 Tage; Warnung: Rückstand | Karl Muster |");
    }

    [Fact]
    public void Render_Digest_HtmlShowsEachGroupAsTable()
    {
        var html = Renderer().Render(SampleDigest()).Html;

        html.ShouldContain("<p style=\"margin:0 0 1em 0;\">F01 Entwicklungsbericht: 4, davon 3 überfällig</p>\n<table");
        html.ShouldContain("<th style=\"" + MailBody.CellStyle + "\">Betrifft</th>");
        html.ShouldContain("<tr><td style=\"" + MailBody.CellStyle + "\">Az. 51.2-0001/24</td><td style=\"" + MailBody.CellStyle
            + "\">01.10.2026</td><td style=\"" + MailBody.CellStyle + "\">seit 53 Tagen überfällig</td><td style=\"" + MailBody.CellStyle + "\">Karl Muster</td></tr>");
    }

    [Fact]
    public void Render_EmptyDigest_SaysNothingIsOverdue()
    {
        var mail = Renderer().Render(Digest([], [], []));

        mail.Subject.ShouldBe("Tagesübersicht Fristen 23.11.2026: 0 überfällig, 0 bald fällig");
        mail.Text.ShouldContain("Überfällig ist derzeit nichts.");
        mail.Text.ShouldNotContain("| Betrifft");
        mail.Text.ShouldNotContain("Datenprobleme");
        mail.Calendar.ShouldBeNull();
    }

    /// <summary>Issue 10: "The admin report: a real salutation, staff by name, and a count that matches the scan log."</summary>
    [Fact]
    public void Render_AdminReport_CountsAndListsProblemsByName()
    {
        var mail = Renderer().Render(AdminReport(
            new DataProblemLine("S-9", "Uwe Ohnemail", "keine E-Mail-Adresse", "F12"),
            new DataProblemLine("S-4", null, "inaktiv, aber zuständig", "F01 M-1")) with { To = new Recipient(null, "Frau Berger", "admin@example.org") });

        mail.Subject.ShouldBe("Datenprobleme QeV.Worker 23.11.2026: 2");
        mail.Text.ShouldStartWith("Guten Tag Frau Berger,\n\nbeim Planen der Nachrichten für den 23.11.2026 hat QeV.Worker 2 Datenprobleme gefunden.");
        mail.Text.ShouldContain("- Uwe Ohnemail: keine E-Mail-Adresse (F12)");
        mail.Text.ShouldContain("- S-4: inaktiv, aber zuständig (F01 M-1)");
    }

    [Fact]
    public void Render_AdminReportWithoutName_GreetsWithoutOne() =>
        Renderer().Render(AdminReport(new DataProblemLine("S-9", null, "keine E-Mail-Adresse", "F12")) with { To = new Recipient(null, "", "admin@example.org") })
            .Text.ShouldStartWith("Guten Tag,\n\nbeim Planen der Nachrichten für den 23.11.2026 hat QeV.Worker 1 Datenproblem gefunden.");
}
