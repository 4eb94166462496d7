using System.Reflection;
using System.Text.RegularExpressions;
using QeV.Domain.Planning;
using QeV.Worker.Dispatch.Rendering;

namespace QeV.Worker.Tests.Dispatch.Rendering;

/// <summary>
/// Sozialdatenschutz (DOMAIN.md): a reminder needs the file reference, the obligation and the date, nothing else.
/// Internal ids and addresses stay out of the mail text, and the calendar entry (synced to phones, shared
/// calendars) names no person at all.
/// </summary>
public sealed partial class MailPrivacyTests
{
    private static readonly MailRenderer Renderer =
        new(new MailTemplates(), new FixedTimeProvider(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero)));

    /// <summary>Fields a template may show. Not here: CaseId, SubjectType, Email (and whatever is added later).</summary>
    private static readonly HashSet<string> Shown = new(StringComparer.Ordinal)
    {
        "Key", "Kind", "Stage", "Rule", "RuleName", "SubjectId", "FileReference", "DueDate", "Day", "Status", "To",
        "DisplayName", "StandsInFor", "Cc", "AlsoInformed", "ResponsibleName", "Overdue", "DueSoon", "Problems",
        "Urgent", "DaysOverdue", "DaysLeft", "Lines", "StaffId", "StaffName", "Problem", "Context", "HelpEndedOn",
        // issue 10 (mails): the subject (staff member or provider by name, the month), the numbers, the meeting's date, roles
        "ToRole", "SubjectName", "Month", "MeetingDate", "Progress", "IsOverdue", "Note", "Total", "OverdueCount",
        // helpers and keywords
        "date", "status", "plural", "names", "count", "or", "byRule", "byDue", "table", "if", "unless", "each", "with", "else",
        "this", "@root", "@body", "@subject", "@contact", "@index", "@first", "@last",
    };

    public static TheoryData<string, NoticeKind> Combinations() => SampleNotices.All();

    [Fact]
    public void Templates_ReferenceOnlyFieldsAllowedInMail()
    {
        var templates = new MailTemplates();
        var used = MailTemplates.EmbeddedNames
            .SelectMany(name => Expression().Matches(templates.LoadText(name)).Select(m => (name, m.Groups[1].Value)))
            .SelectMany(e => Identifiers(e.Value).Select(id => (e.name, id)))
            .ToList();

        used.ShouldNotBeEmpty();
        used.Where(u => !Shown.Contains(u.id)).ShouldBeEmpty();
    }

    [Fact]
    public void Allowlist_NamesOnlyRealFields()
    {
        var properties = new[] { typeof(NoticeContent), typeof(Recipient), typeof(DigestLine), typeof(DataProblemLine), typeof(DigestGroup) }
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)).Select(p => p.Name).ToHashSet();

        properties.ShouldContain("CaseId");
        properties.ShouldContain("Email");
        Shown.Count(s => char.IsUpper(s[0])).ShouldBe(37);
        Shown.Where(s => char.IsUpper(s[0])).ShouldAllBe(s => properties.Contains(s));
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Render_MarkerValues_InternalIdsAndAddressesNeverAppear(string rule, NoticeKind kind)
    {
        // Given: every field that must not be shown carries a marker
        var notice = SampleNotices.Notice(rule, kind) with
        {
            CaseId = "CASEID-MARKER",
            SubjectType = "SUBJECTTYPE-MARKER",
            To = new Recipient("TOSTAFF-MARKER", "Petra Beispiel", "to-marker@example.org", "Dana Abwesend"),
            Cc = [new Recipient("CCSTAFF-MARKER", "Carla Kopie", "cc-marker@example.org")],
            AlsoInformed = ["Tina Leitung (Teamleitung)"],
            ResponsibleName = "Karl Muster",
        };

        // When
        var mail = Renderer.Render(notice);

        // Then
        foreach (var part in new[] { mail.Subject, mail.Text, mail.Html, mail.Calendar?.Summary ?? "", mail.Calendar?.Description ?? "" })
        {
            part.ShouldNotContain("MARKER", Case.Insensitive);
            part.ShouldNotContain("@example.org");
        }
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Render_CalendarEvent_NamesNoPerson(string rule, NoticeKind kind)
    {
        var notice = SampleNotices.Notice(rule, kind) with
        {
            To = new Recipient("P-1", "Petra Beispiel", "p@example.org", "Dana Abwesend"),
            Cc = [new Recipient("P-3", "Carla Kopie", "c@example.org")],
            AlsoInformed = ["Tina Leitung (Teamleitung)"],
            ResponsibleName = "Karl Muster",
        };

        var calendar = Renderer.Render(notice).Calendar;

        var text = calendar is null ? "" : calendar.Summary + "\n" + calendar.Description;
        foreach (var name in new[] { "Petra", "Dana", "Carla", "Tina", "Karl" })
            text.ShouldNotContain(name);
    }

    private static IEnumerable<string> Identifiers(string expression)
    {
        var withoutStrings = StringLiteral().Replace(expression, " ");
        foreach (var token in withoutStrings.TrimStart('#', '/', '^', '{', '~', '>', '&').Split([' ', '(', ')', '}', '~', '='], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(token, out _))
                continue;

            foreach (var segment in token.Split('.', StringSplitOptions.RemoveEmptyEntries))
                yield return segment;
        }
    }

    [GeneratedRegex(@"\{\{\{?(.*?)\}?\}\}", RegexOptions.Singleline)]
    private static partial Regex Expression();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex StringLiteral();
}
