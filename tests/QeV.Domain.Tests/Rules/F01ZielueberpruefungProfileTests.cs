using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F01 under bad-duerkheim, seed 002 Kap. 2.3: "… dass der Leistungsanbieter im Rahmen der Hilfeplanfortschreibung
/// grundsätzlich alle sechs Monate eine … standardisierte Zielüberprüfung verfasst und dem zuständigen Sachbearbeiter
/// rechtzeitig vor der Hilfeplanfortschreibung zukommen lässt." Same shape as F01; "rechtzeitig" is read as the
/// Magdeburg 14 days (a profile value).
/// </summary>
public sealed class F01ZielueberpruefungProfileTests
{
    private static readonly DateOnly AsOf = new(2026, 1, 15);

    [Fact]
    public void Evaluate_BadDuerkheim_NamedZielueberpruefungInRheinlandPfalzCalendar()
    {
        // Given: a planned Fortschreibung on Monday 2027-11-15, the provider in RP
        var facts = new FactsBuilder().WithProviderState("RP").WithMeeting("M-1", new DateOnly(2027, 11, 15));

        // When
        var deadline = Evaluate(new F01EntwicklungsberichtRule(), facts, "bad-duerkheim", AsOf).ShouldHaveSingleItem();

        // Then: 14 days before is Allerheiligen 2027-11-01 (holiday in RP): back over the weekend to Friday 2027-10-29
        deadline.Name.ShouldBe("Zielüberprüfung");
        deadline.DueDate.ShouldBe(new DateOnly(2027, 10, 29));
    }

    [Theory]
    [InlineData(ReportKind.Zielueberpruefung, "bad-duerkheim", DeadlineStatus.Fulfilled)]
    [InlineData(ReportKind.Entwicklungsbericht, "bad-duerkheim", DeadlineStatus.Fulfilled)]
    [InlineData(ReportKind.Zielueberpruefung, "magdeburg", DeadlineStatus.Upcoming)]
    public void Evaluate_ReportKindsOfTheProfile_Fulfil(ReportKind kind, string profile, DeadlineStatus expected)
    {
        // Given
        var facts = new FactsBuilder()
            .WithMeeting("M-1", new DateOnly(2026, 3, 18))
            .WithReport("R-1", kind, new DateOnly(2026, 3, 1), caseId: FactsBuilder.CaseId, meetingId: "M-1");

        // When
        var deadline = Evaluate(new F01EntwicklungsberichtRule(), facts, profile, AsOf).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_Nrw_NotActive()
    {
        // Given
        var facts = new FactsBuilder().WithMeeting("M-1", new DateOnly(2026, 3, 18));

        // When
        var deadlines = Evaluate(new F01EntwicklungsberichtRule(), facts, "nrw-qe-vereinbarung", AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }
}
