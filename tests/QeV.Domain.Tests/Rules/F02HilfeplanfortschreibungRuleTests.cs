using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F02 Hilfeplanfortschreibung, DOMAIN.md / seed 000: "Die Hilfeplanfortschreibung erfolgt halbjährlich, erstmals 6
/// Monate nach Hilfebeginn. Bei veränderten Lebensumständen bzw. in Krisensituationen kann vor Ablauf der 6 Monate
/// eine Hilfeplanfortschreibung erfolgen." Seed 002 (bad-duerkheim), Kap. 1.5: "Ein weiteres Hilfeplangespräch
/// findet in der Regel nach weiteren 6 Monaten statt". The default case starts on Wednesday 2025-01-15.
/// </summary>
public sealed class F02HilfeplanfortschreibungRuleTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 2);

    [Fact]
    public void Evaluate_NoFortschreibungHeld_DueSixMonthsAfterHilfebeginn()
    {
        // Given
        var facts = new FactsBuilder();

        // When
        var deadline = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: 2025-01-15 + 6 months = Tuesday 2025-07-15
        deadline.DueDate.ShouldBe(new DateOnly(2025, 7, 15));
        deadline.Status.ShouldBe(DeadlineStatus.Upcoming);
        deadline.SubjectType.ShouldBe(SubjectType.Case);
        deadline.SubjectId.ShouldBe(FactsBuilder.CaseId);
        deadline.ResponsibleStaffId.ShouldBe(FactsBuilder.CaseManagerId);
        deadline.EscalationStaffId.ShouldBe(FactsBuilder.JugendamtTeamLeadId);
    }

    [Fact]
    public void Evaluate_FortschreibungHeld_NextSixMonthsAfterItNextBusinessDay()
    {
        // Given
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 7, 10), MeetingKind.Fortschreibung);

        // When
        var deadline = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: 2025-07-10 + 6 months = Saturday 2026-01-10, on to Monday 2026-01-12
        deadline.DueDate.ShouldBe(new DateOnly(2026, 1, 12));
    }

    [Fact]
    public void Evaluate_EarlierFortschreibungInCrisis_CountsFromIt()
    {
        // Given
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 4, 2), MeetingKind.Fortschreibung);

        // When
        var deadline = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then: 2025-04-02 + 6 months = Thursday 2025-10-02
        deadline.DueDate.ShouldBe(new DateOnly(2025, 10, 2));
    }

    [Theory]
    [InlineData(MeetingKind.Fortschreibung, MeetingStatus.Planned)]
    [InlineData(MeetingKind.Fortschreibung, MeetingStatus.Cancelled)]
    [InlineData(MeetingKind.Initial, MeetingStatus.Held)]
    [InlineData(MeetingKind.Konkretisierung, MeetingStatus.Held)]
    public void Evaluate_MeetingThatIsNoHeldFortschreibung_StillCountsFromHilfebeginn(MeetingKind kind, MeetingStatus status)
    {
        // Given
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 3, 10), kind, status);

        // When
        var deadline = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2025, 7, 15));
    }

    [Fact]
    public void Evaluate_CaseEndsBeforeDue_NoInstance()
    {
        // Given
        var facts = new FactsBuilder().WithCaseDates(FactsBuilder.CaseId, new DateOnly(2025, 1, 15), new DateOnly(2025, 6, 30));

        // When
        var deadlines = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "magdeburg", AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_BadDuerkheim_CountsFromTheFirstHilfeplangespraech()
    {
        // Given: the initial HPG on Monday 2025-02-10, the Jugendamt in Rheinland-Pfalz
        var facts = new FactsBuilder()
            .WithJugendamtState("RP")
            .WithMeetingRecord("M-1", new DateOnly(2025, 2, 10), MeetingKind.Initial);

        // When
        var magdeburg = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "magdeburg", AsOf).ShouldHaveSingleItem();
        var badDuerkheim = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "bad-duerkheim", AsOf).ShouldHaveSingleItem();

        // Then: Magdeburg counts from Hilfebeginn (2025-07-15); Bad Dürkheim 6 months after the HPG,
        // Sunday 2025-08-10, on to Monday 2025-08-11
        magdeburg.DueDate.ShouldBe(new DateOnly(2025, 7, 15));
        badDuerkheim.DueDate.ShouldBe(new DateOnly(2025, 8, 11));
        badDuerkheim.Name.ShouldBe("Hilfeplangespräch (Fortschreibung)");
    }

    [Fact]
    public void Evaluate_BadDuerkheimWithoutHeldHilfeplangespraech_NoInstance()
    {
        // Given
        var facts = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 2, 10), MeetingKind.Initial, MeetingStatus.Planned);

        // When
        var deadlines = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "bad-duerkheim", AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_NrwProfile_RuleNotActive()
    {
        // Given
        var facts = new FactsBuilder();

        // When
        var deadlines = Evaluate(new F02HilfeplanfortschreibungRule(), facts, "nrw-qe-vereinbarung", AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }
}
