using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F18 (profile nrw-qe-vereinbarung), seed 003: "Vereinbarungszeitraum: … (Datum von – bis)" and "Der
/// Qualitätsdialog wird fortgesetzt am …". The dates are taken as written.
/// </summary>
public sealed class F18QualitaetsdialogRuleTests
{
    private static readonly DateOnly AsOf = new(2026, 9, 1);

    [Fact]
    public void Evaluate_Nrw_OneInstanceForTheDialogueOneForThePeriodEnd()
    {
        // Given
        var facts = Agreement(new DateOnly(2026, 9, 30));

        // When
        var deadlines = Evaluate(new F18QualitaetsdialogRule(), facts, "nrw-qe-vereinbarung", AsOf);

        // Then
        deadlines.Select(d => (d.Name, d.DueDate, d.Status)).OrderBy(x => x.DueDate).ShouldBe(
        [
            ("Fortsetzung des Qualitätsdialogs", new DateOnly(2026, 9, 30), DeadlineStatus.Upcoming),
            ("Ende des Vereinbarungszeitraums", new DateOnly(2026, 12, 31), DeadlineStatus.Upcoming),
        ]);
        deadlines.ShouldAllBe(d => d.Rule == "F18" && d.SubjectType == SubjectType.Agreement && d.SubjectId == "AG-1");
    }

    [Fact]
    public void Evaluate_DialogueDateOnHolidaySaturday_KeptAsWritten()
    {
        // Given: Saturday 2026-10-03 is Tag der Deutschen Einheit
        var facts = Agreement(new DateOnly(2026, 10, 3));

        // When
        var deadlines = Evaluate(new F18QualitaetsdialogRule(), facts, "nrw-qe-vereinbarung", AsOf);

        // Then
        deadlines.Count.ShouldBe(2);
        deadlines.ShouldContain(d => d.DueDate == new DateOnly(2026, 10, 3));
    }

    [Fact]
    public void Evaluate_DialogueHeldAndFollowUpAgreement_BothFulfilled()
    {
        // Given
        var facts = Agreement(new DateOnly(2026, 9, 30))
            .WithDialogue("QD-1", new DateOnly(2026, 9, 30))
            .WithAgreement("AG-2", new DateOnly(2026, 12, 15));

        // When
        var deadlines = Evaluate(new F18QualitaetsdialogRule(), facts, "nrw-qe-vereinbarung", new DateOnly(2026, 10, 1));

        // Then
        // Both instances, each named: "all fulfilled" over an empty list would pass for a rule that dropped them.
        deadlines.Where(d => d.SubjectId == "AG-1").Select(d => (d.Name, d.DueDate, d.Status)).OrderBy(x => x.DueDate).ShouldBe(
        [
            ("Fortsetzung des Qualitätsdialogs", new DateOnly(2026, 9, 30), DeadlineStatus.Fulfilled),
            ("Ende des Vereinbarungszeitraums", new DateOnly(2026, 12, 31), DeadlineStatus.Fulfilled),
        ]);
    }

    [Theory]
    [InlineData("magdeburg")]
    [InlineData("bad-duerkheim")]
    public void Evaluate_ProfilesWithoutSuchDates_NoInstance(string profile)
    {
        // Given
        var facts = Agreement(new DateOnly(2026, 9, 30));

        // When
        var deadlines = Evaluate(new F18QualitaetsdialogRule(), facts, profile, AsOf);

        // Then
        deadlines.ShouldBeEmpty();
    }

    private static FactsBuilder Agreement(DateOnly nextDialogue) =>
        new FactsBuilder().WithJugendamtState("NW").WithProviderState("NW")
            .WithAgreementDates("AG-1", new DateOnly(2025, 3, 1), new DateOnly(2026, 12, 31), nextDialogue);
}
