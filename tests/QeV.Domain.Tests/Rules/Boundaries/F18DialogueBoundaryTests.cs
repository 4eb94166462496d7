using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// F18 (profile nrw-qe-vereinbarung), seed 003: "Der Qualitätsdialog wird fortgesetzt am …" (line 117) and
/// "Vereinbarungszeitraum: … (Datum von – bis)" (line 9). A dialogue counts for the continuation from two months before
/// its date, after the agreement was concluded, by the day judged by; the period's end is met by a later agreement of the
/// same provider and kind. Each edge is tried the day before, on and after it.
/// </summary>
public sealed class F18DialogueBoundaryTests
{
    private const string Profile = "nrw-qe-vereinbarung";
    private const string Continuation = "Fortsetzung des Qualitätsdialogs";
    private const string PeriodEnd = "Ende des Vereinbarungszeitraums";

    [Theory]
    [InlineData("2026-07-29", DeadlineStatus.Overdue)] // the day before the window opens
    [InlineData("2026-07-30", DeadlineStatus.Fulfilled)] // two months before 30.09.2026
    [InlineData("2026-07-31", DeadlineStatus.Fulfilled)]
    public void Evaluate_DialogueAroundTheStartOfTheWindow_CountsFromTwoMonthsBefore(string dialogue, DeadlineStatus expected)
    {
        // Given
        var facts = Agreement(new DateOnly(2025, 3, 1), new DateOnly(2026, 9, 30)).WithDialogue("QD-1", Day(dialogue));

        // When
        var deadline = Instance(facts, Continuation, new DateOnly(2026, 10, 1));

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2026, 9, 30));
        deadline.Status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("2025-02-28", DeadlineStatus.Overdue)] // before the agreement
    [InlineData("2025-03-02", DeadlineStatus.Overdue)] // the day it was concluded: that dialogue led to it
    [InlineData("2025-03-03", DeadlineStatus.Fulfilled)]
    public void Evaluate_DialogueAroundTheConcludedDay_CountsOnlyAfterIt(string dialogue, DeadlineStatus expected)
    {
        // Given: concluded Monday 02.03.2025, to be continued on 15.04.2025 (window from 15.02.2025)
        var facts = Agreement(new DateOnly(2025, 3, 2), new DateOnly(2025, 4, 15)).WithDialogue("QD-1", Day(dialogue));

        // When
        var deadline = Instance(facts, Continuation, new DateOnly(2025, 5, 1));

        // Then
        deadline.Status.ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-09-14", DeadlineStatus.Fulfilled)]
    [InlineData("2026-09-15", DeadlineStatus.Fulfilled)] // held on the day judged by
    [InlineData("2026-09-16", DeadlineStatus.Upcoming)] // only planned
    public void Evaluate_DialogueAroundTheDayJudgedBy_CountsUpToThatDay(string dialogue, DeadlineStatus expected)
    {
        // Given
        var facts = Agreement(new DateOnly(2025, 3, 1), new DateOnly(2026, 9, 30)).WithDialogue("QD-1", Day(dialogue));

        // When
        var deadline = Instance(facts, Continuation, new DateOnly(2026, 9, 15));

        // Then
        deadline.Status.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_DialogueInTheWindowWithAnotherProvider_DoesNotCount()
    {
        // Given
        var facts = Agreement(new DateOnly(2025, 3, 1), new DateOnly(2026, 9, 30))
            .WithDialogue("QD-1", new DateOnly(2026, 9, 30), providerOrganisationId: "P-2");

        // When
        var deadline = Instance(facts, Continuation, new DateOnly(2026, 10, 1));

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Theory]
    [InlineData(AgreementKind.Qev, FactsBuilder.ProviderId, DeadlineStatus.Fulfilled)] // the follow-up agreement
    [InlineData(AgreementKind.Qev, "P-2", DeadlineStatus.Upcoming)] // the right kind, another provider
    [InlineData(AgreementKind.Leq, FactsBuilder.ProviderId, DeadlineStatus.Upcoming)] // the right provider, another kind
    public void Evaluate_LaterAgreement_MeetsThePeriodEndOnlyForTheSameProviderAndKind(
        AgreementKind kind, string provider, DeadlineStatus expected)
    {
        // Given
        var facts = Agreement(new DateOnly(2025, 3, 1), new DateOnly(2026, 9, 30))
            .WithAgreement("AG-2", new DateOnly(2026, 9, 1), kind, provider);

        // When
        var deadline = Instance(facts, PeriodEnd, new DateOnly(2026, 10, 1));

        // Then: valid until Thursday 31.12.2026, kept as written
        deadline.DueDate.ShouldBe(new DateOnly(2026, 12, 31));
        deadline.Status.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_EarlierAgreementOfTheSameProvider_DoesNotMeetThePeriodEnd()
    {
        // Given: the other agreement was concluded before this one
        var facts = Agreement(new DateOnly(2025, 3, 1), new DateOnly(2026, 9, 30))
            .WithAgreement("AG-0", new DateOnly(2022, 3, 1));

        // When
        var deadline = Instance(facts, PeriodEnd, new DateOnly(2026, 10, 1));

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    private static FactsBuilder Agreement(DateOnly concluded, DateOnly nextDialogue) =>
        new FactsBuilder().WithJugendamtState("NW").WithProviderState("NW")
            .WithAgreementDates("AG-1", concluded, new DateOnly(2026, 12, 31), nextDialogue);

    /// <summary>AG-1's instance of that name: the agreement has exactly one of each.</summary>
    private static Deadline Instance(FactsBuilder facts, string name, DateOnly asOf)
    {
        var deadlines = Evaluate(new F18QualitaetsdialogRule(), facts, Profile, asOf).Where(d => d.SubjectId == "AG-1").ToList();
        deadlines.Select(d => d.Name).Order(StringComparer.Ordinal).ShouldBe([PeriodEnd, Continuation]);
        return deadlines.Single(d => d.Name == name);
    }
}
