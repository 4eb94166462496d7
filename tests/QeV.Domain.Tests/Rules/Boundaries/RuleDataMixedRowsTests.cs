using QeV.Domain.Facts;
using QeV.Domain.Rules;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// Whether an export carries a rule's optional facts at all (<see cref="RuleData"/>): one row of the right kind among
/// rows of other kinds is enough, and rows of other kinds alone are not. A rule without its data stays silent and the
/// scan names it, so a wrong answer either silences a rule or flags every case as overdue.
/// </summary>
public sealed class RuleDataMixedRowsTests
{
    [Theory]
    [InlineData(TrainingKind.Fortbildung, true, false)]
    [InlineData(TrainingKind.Supervision, false, true)]
    public void IsPresent_TrainingsOfOneKindOnly_OnlyThatRulesData(TrainingKind kind, bool f13, bool f14)
    {
        // Given
        var facts = new FactsBuilder().WithTraining(FactsBuilder.KeyWorkerId, new DateOnly(2026, 2, 10), kind, 120).Build();

        // When / Then
        (RuleData.IsPresent("F13", facts), RuleData.IsPresent("F14", facts)).ShouldBe((f13, f14));
    }

    [Fact]
    public void IsPresent_OneTrainingOfEachKind_BothRulesHaveData()
    {
        // Given
        var facts = new FactsBuilder()
            .WithTraining(FactsBuilder.KeyWorkerId, new DateOnly(2026, 2, 10), TrainingKind.Fortbildung, 120)
            .WithTraining(FactsBuilder.KeyWorkerId, new DateOnly(2026, 2, 11), TrainingKind.Supervision, 120)
            .Build();

        // When / Then
        (RuleData.IsPresent("F13", facts), RuleData.IsPresent("F14", facts)).ShouldBe((true, true));
    }

    [Theory]
    [InlineData(false, false)] // a Leistungsbericht only
    [InlineData(true, true)] // a Leistungsbericht and one Nachweisblatt
    public void IsPresent_NachweisblattAmongOtherReports_F16HasDataOnlyWithIt(bool withSheet, bool expected)
    {
        // Given
        var builder = new FactsBuilder().WithLeistungsbericht("R-1", new DateOnly(2026, 1, 14));
        if (withSheet)
        {
            builder.WithCaseReport("R-2", ReportKind.Nachweisblatt, new DateOnly(2026, 2, 3), "2026-01");
        }

        // When / Then
        RuleData.IsPresent("F16", builder.Build()).ShouldBe(expected);
    }

    [Theory]
    [InlineData(false, false)] // a meeting without a cost approval date
    [InlineData(true, true)] // and another one with it
    public void IsPresent_CostApprovalDateOnOneMeeting_F05HasData(bool withDate, bool expected)
    {
        // Given
        var builder = new FactsBuilder().WithMeetingRecord("M-1", new DateOnly(2025, 2, 3), MeetingKind.Initial);
        if (withDate)
        {
            builder.WithMeetingRecord("M-2", new DateOnly(2025, 8, 4), MeetingKind.Fortschreibung, costApproval: new DateOnly(2025, 8, 20));
        }

        // When / Then
        RuleData.IsPresent("F05", builder.Build()).ShouldBe(expected);
    }

    [Theory]
    [InlineData(false, false)] // no Trägergespräch imported
    [InlineData(true, true)]
    public void IsPresent_ProviderDialogues_F08HasDataOnlyWithOne(bool withDialogue, bool expected)
    {
        // Given
        var builder = new FactsBuilder().WithLeistungsbericht("R-1", new DateOnly(2026, 1, 14));
        if (withDialogue)
        {
            builder.WithDialogue("TG-1", new DateOnly(2026, 2, 2));
        }

        // When / Then
        RuleData.IsPresent("F08", builder.Build()).ShouldBe(expected);
    }
}
