using QeV.Worker.Dispatch.Rendering;
using QeV.Domain.Planning;

namespace QeV.Worker.Tests.Dispatch.Rendering;

/// <summary>
/// Bad Dürkheim asks for a "standardisierte Zielüberprüfung … rechtzeitig vor der Hilfeplanfortschreibung" (seed 002)
/// where Magdeburg asks for an Entwicklungsbericht two weeks before: the same rule F01, worded per profile.
/// </summary>
public sealed class ProfileTemplateTests
{
    private static MailRenderer Renderer() => new(new MailTemplates(), new FixedTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(1))));

    [Theory]
    [InlineData(NoticeKind.Reminder)]
    [InlineData(NoticeKind.Due)]
    [InlineData(NoticeKind.Overdue)]
    [InlineData(NoticeKind.Escalation)]
    [InlineData(NoticeKind.Note)]
    public void Render_BadDuerkheimProfile_SpeaksOfTheZielueberpruefung(NoticeKind kind)
    {
        // Given
        var notice = SampleNotices.Notice("F01", kind) with { Profile = "bad-duerkheim", RuleName = "Zielüberprüfung" };

        // When
        var mail = Renderer().Render(notice);

        // Then
        mail.Subject.ShouldContain("Zielüberprüfung");
        mail.Text.ShouldContain("Zielüberprüfung");
        mail.Text.ShouldNotContain("Entwicklungsbericht");
        mail.Text.ShouldNotContain("zwei Wochen");
    }

    [Fact]
    public void Render_ProfileWithoutOwnTemplates_UsesTheRulesTemplate()
    {
        // Given
        var notice = SampleNotices.Notice("F01", NoticeKind.Reminder) with { Profile = "magdeburg" };

        // When
        var mail = Renderer().Render(notice);

        // Then
        mail.Text.ShouldContain("Entwicklungsbericht");
    }

    [Fact]
    public void Candidates_ProfileGiven_ProfileTemplateFirstThenRuleThenGeneric() =>
        MailTemplateNames.Candidates("F01", "reminder", "bad-duerkheim")
            .ShouldBe(["bad-duerkheim.F01.reminder", "F01.reminder", "generic.reminder"]);
}
