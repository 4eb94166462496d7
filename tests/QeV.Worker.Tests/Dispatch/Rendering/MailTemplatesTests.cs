using System.Text;
using QeV.Worker.Dispatch.Rendering;
using QeV.Domain.Planning;

namespace QeV.Worker.Tests.Dispatch.Rendering;

public sealed class MailTemplatesTests : IDisposable
{
    private static readonly string[] Kinds = ["reminder", "due", "overdue", "escalation", "note"];

    private readonly string _folder = Directory.CreateTempSubdirectory("qev-templates-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> ContentNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in MailTemplates.EmbeddedNames.Where(n => !n.StartsWith("layout.", StringComparison.Ordinal)))
            data.Add(name);
        return data;
    }

    [Fact]
    public void EmbeddedNames_CoverEveryRuleKindGenericAndLayout()
    {
        // Issue 10: every rule has its own reminder, due, overdue, escalation and note; F06 its immediate notice; F12 "missing".
        string[] rules = ["F01", "F02", "F03", "F04", "F05", "F07", "F08", "F09", "F10", "F11", "F12", "F13", "F14", "F15", "F16", "F17", "F18", "F19"];
        string[] expected =
        [
            .. rules.SelectMany(r => Kinds.Select(k => r + "." + k)),
            "F06.notice", "F12.missing",
            "generic.reminder", "generic.due", "generic.overdue", "generic.escalation", "generic.note",
            "generic.notice", "generic.missing", "generic.ended", "generic.calendar", "digest", "admin-report",
            "layout.text", "layout.html",
        ];

        string[] profileSpecific =
        [
            "bad-duerkheim.F01.reminder", "bad-duerkheim.F01.due", "bad-duerkheim.F01.overdue",
            "bad-duerkheim.F01.escalation", "bad-duerkheim.F01.note", "bad-duerkheim.F01.calendar",
        ];
        MailTemplates.EmbeddedNames.ShouldBeSubsetOf(expected.Concat(profileSpecific).Concat(["F01.calendar", "F07.calendar", "F09.calendar", "F12.calendar"]));
        expected.ShouldBeSubsetOf(MailTemplates.EmbeddedNames);
    }

    [Fact]
    public void EmbeddedResources_UseRootNamespaceTemplatesPrefix() =>
        typeof(MailTemplates).Assembly.GetManifestResourceNames().ShouldContain("QeV.Worker.Templates.F01.reminder.hbs");

    [Theory]
    [MemberData(nameof(ContentNames))]
    public void EmbeddedContentTemplate_HasSubjectSeparatorAndCompiles(string name)
    {
        var (subject, body) = MailTemplate.Split(name, new MailTemplates().LoadText(name));

        subject.ShouldNotBeNullOrWhiteSpace();
        body.ShouldNotBeNullOrWhiteSpace();
        new MailTemplates().TryContent(name).ShouldNotBeNull();
    }

    [Fact]
    public void ContentFor_OverrideFolderHasTemplate_OverrideWins()
    {
        // Given
        File.WriteAllText(Path.Combine(_folder, "F01.reminder.hbs"), "Eigener Betreff {{FileReference}}\n---\nEigener Text.", Encoding.UTF8);
        var templates = new MailTemplates(_folder);

        // When
        var subject = templates.ContentFor("F01", "reminder").RenderSubject(SampleNotices.Notice("F01", NoticeKind.Reminder));

        // Then
        subject.ShouldBe("Eigener Betreff 51.2-0815/25");
        templates.LoadText("F01.due").ShouldBe(new MailTemplates().LoadText("F01.due"));
    }

    [Fact]
    public void ContentFor_OverrideOfGeneric_DoesNotHideEmbeddedRuleTemplate()
    {
        File.WriteAllText(Path.Combine(_folder, "generic.reminder.hbs"), "Generisch\n---\nText.", Encoding.UTF8);
        var templates = new MailTemplates(_folder);

        templates.ContentFor("F01", "reminder").Name.ShouldBe("F01.reminder");
        templates.ContentFor("F42", "reminder").RenderSubject(SampleNotices.Notice("F42", NoticeKind.Reminder)).ShouldBe("Generisch");
    }

    [Theory]
    [InlineData("F99", NoticeKind.Reminder, "generic.reminder")]
    [InlineData("F06", NoticeKind.Due, "generic.due")]
    [InlineData("F07", NoticeKind.Due, "F07.due")]
    [InlineData(null, NoticeKind.Missing, "generic.missing")]
    [InlineData("../../etc/passwd", NoticeKind.Note, "generic.note")]
    [InlineData("F01", NoticeKind.Note, "F01.note")]
    [InlineData("F01", NoticeKind.Digest, "digest")]
    [InlineData(null, NoticeKind.AdminReport, "admin-report")]
    public void ContentFor_RuleWithoutOwnTemplate_FallsBackToGeneric(string? rule, NoticeKind kind, string expected) =>
        new MailTemplates().ContentFor(rule, MailTemplateNames.KindName(kind)).Name.ShouldBe(expected);

    [Fact]
    public void ContentFor_SameName_CompiledOnceAcrossThreads()
    {
        var templates = new MailTemplates();

        var compiled = Enumerable.Range(0, 64).AsParallel().Select(_ => templates.ContentFor("F01", "overdue")).Distinct().ToList();

        compiled.Count.ShouldBe(1);
    }

    [Fact]
    public void ContentFor_OverrideWithoutSeparator_ThrowsNamingTheTemplate()
    {
        File.WriteAllText(Path.Combine(_folder, "F01.due.hbs"), "Nur ein Betreff", Encoding.UTF8);

        Should.Throw<FormatException>(() => new MailTemplates(_folder).ContentFor("F01", "due")).Message.ShouldContain("F01.due");
    }

    [Fact]
    public void ContentFor_TemplateUsesUnknownField_Throws()
    {
        File.WriteAllText(Path.Combine(_folder, "F01.due.hbs"), "Betreff {{FamilyName}}\n---\nText", Encoding.UTF8);
        var template = new MailTemplates(_folder).ContentFor("F01", "due");

        Should.Throw<Exception>(() => template.RenderSubject(SampleNotices.Notice("F01", NoticeKind.Due)));
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("F01..due")]
    public void FindText_UnsafeName_Throws(string name) =>
        Should.Throw<ArgumentException>(() => new MailTemplates(_folder).FindText(name));

    [Fact]
    public void FindText_Unknown_IsNull() => new MailTemplates(_folder).FindText("F77.reminder").ShouldBeNull();
}
