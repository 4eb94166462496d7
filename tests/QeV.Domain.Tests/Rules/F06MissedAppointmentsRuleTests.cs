using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Facts.AppointmentOutcome;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F06 three missed appointments, DOMAIN.md: "an drei aufeinander folgenden Terminen keine Mitwirkung …
/// unverzüglich die fallführende Fachkraft zu benachrichtigen". Precise default: walk the case's appointments by
/// date; <c>no_show</c> and <c>cancelled_by_client_short_notice</c> count, <c>attended</c> ends the run, the other
/// outcomes neither count nor end it; each run that reaches three makes one instance, due on the date of the third.
/// </summary>
public sealed class F06MissedAppointmentsRuleTests
{
    // Wednesday
    private static readonly DateOnly FirstAppointment = new(2026, 3, 4);
    private static readonly DateOnly DefaultAsOf = new(2026, 1, 15);

    [Fact]
    public void Evaluate_ThreeNoShows_OneInstanceDueOnTheThird()
    {
        // Given: 2026-03-04, 03-11, 03-18
        var facts = new FactsBuilder().WithWeeklyAppointments(FirstAppointment, NoShow, NoShow, NoShow);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 18));
    }

    [Fact]
    public void Evaluate_ThreeNoShows_DescribesCase()
    {
        // Given
        var facts = new FactsBuilder().WithWeeklyAppointments(FirstAppointment, NoShow, NoShow, NoShow);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.Rule.ShouldBe("F06");
        deadline.SubjectType.ShouldBe(SubjectType.Case);
        deadline.SubjectId.ShouldBe(FactsBuilder.CaseId);
        deadline.CaseId.ShouldBe(FactsBuilder.CaseId);
        deadline.FileReference.ShouldBe(FactsBuilder.FileReference);
    }

    [Fact]
    public void Evaluate_ShortNoticeCancellationsMixedWithNoShows_CountAsNoCooperation()
    {
        // Given
        var facts = new FactsBuilder().WithWeeklyAppointments(
            FirstAppointment, CancelledByClientShortNotice, NoShow, CancelledByClientShortNotice);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 18));
    }

    [Fact]
    public void Evaluate_ThreeShortNoticeCancellations_OneInstance()
    {
        // Given
        var facts = new FactsBuilder().WithWeeklyAppointments(
            FirstAppointment, CancelledByClientShortNotice, CancelledByClientShortNotice, CancelledByClientShortNotice);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 18));
    }

    [Fact]
    public void Evaluate_TwoMissed_NoInstance()
    {
        // Given
        var facts = new FactsBuilder().WithWeeklyAppointments(FirstAppointment, NoShow, NoShow);

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_AttendedBetweenMissed_ResetsRun()
    {
        // Given
        var facts = new FactsBuilder()
            .WithWeeklyAppointments(FirstAppointment, NoShow, NoShow, Attended, NoShow, NoShow);

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(CancelledByClient)]
    [InlineData(CancelledByProvider)]
    [InlineData(Planned)]
    public void Evaluate_NeutralOutcomeBetweenMissed_DoesNotResetRun(AppointmentOutcome neutral)
    {
        // Given: 03-04, 03-11 missed, 03-18 neutral, 03-25 missed
        var facts = new FactsBuilder()
            .WithWeeklyAppointments(FirstAppointment, NoShow, NoShow, neutral, NoShow);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 25));
    }

    [Theory]
    [InlineData(CancelledByClient)]
    [InlineData(CancelledByProvider)]
    [InlineData(Planned)]
    public void Evaluate_NeutralOutcomes_DoNotCount(AppointmentOutcome neutral)
    {
        // Given
        var facts = new FactsBuilder()
            .WithWeeklyAppointments(FirstAppointment, NoShow, neutral, neutral, neutral, NoShow);

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_RunOfFive_StillOneInstanceDueOnTheThird()
    {
        // Given
        var facts = new FactsBuilder()
            .WithWeeklyAppointments(FirstAppointment, NoShow, NoShow, NoShow, NoShow, NoShow);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 18));
    }

    [Fact]
    public void Evaluate_TwoRunsSeparatedByAttended_TwoInstances()
    {
        // Given: 03-04..03-18 missed, 03-25 attended, 04-01..04-15 missed
        var facts = new FactsBuilder().WithWeeklyAppointments(
            FirstAppointment, NoShow, NoShow, NoShow, Attended, NoShow, CancelledByClientShortNotice, NoShow);

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.Select(d => d.DueDate).Order().ShouldBe([new DateOnly(2026, 3, 18), new DateOnly(2026, 4, 15)]);
    }

    [Fact]
    public void Evaluate_UnorderedInput_WalksAppointmentsByDate()
    {
        // Given: in date order no-show, no-show, attended, no-show, no-show, no-show
        var facts = new FactsBuilder()
            .WithAppointment("A-6", new DateOnly(2026, 4, 8), NoShow)
            .WithAppointment("A-1", new DateOnly(2026, 3, 4), NoShow)
            .WithAppointment("A-4", new DateOnly(2026, 3, 25), NoShow)
            .WithAppointment("A-3", new DateOnly(2026, 3, 18), Attended)
            .WithAppointment("A-2", new DateOnly(2026, 3, 11), NoShow)
            .WithAppointment("A-5", new DateOnly(2026, 4, 1), NoShow);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2026, 4, 8));
    }

    [Fact]
    public void Evaluate_ThirdOnSaturday_DueOnThatSaturdayWithoutShift()
    {
        // Given: the third missed appointment is on Saturday 2026-03-07
        var facts = new FactsBuilder()
            .WithAppointment("A-1", new DateOnly(2026, 3, 2), NoShow)
            .WithAppointment("A-2", new DateOnly(2026, 3, 4), NoShow)
            .WithAppointment("A-3", new DateOnly(2026, 3, 7), NoShow);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then: "unverzüglich" – no move to a business day
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 7));
    }

    [Fact]
    public void Evaluate_MissedAppointmentsSpreadOverTwoCases_NoInstance()
    {
        // Given
        var facts = new FactsBuilder()
            .WithCase("C-18")
            .WithAppointment("A-1", new DateOnly(2026, 3, 4), NoShow)
            .WithAppointment("A-2", new DateOnly(2026, 3, 11), NoShow)
            .WithAppointment("A-3", new DateOnly(2026, 3, 18), NoShow, caseId: "C-18");

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026-03-17", DeadlineStatus.Upcoming)]
    [InlineData("2026-03-18", DeadlineStatus.Due)]
    [InlineData("2026-03-19", DeadlineStatus.Overdue)]
    public void Evaluate_ThreeNoShows_StatusFollowsAsOfDate(string asOf, DeadlineStatus expected)
    {
        // Given
        var facts = new FactsBuilder().WithWeeklyAppointments(FirstAppointment, NoShow, NoShow, NoShow);

        // When
        var deadline = Evaluate(facts, Day(asOf)).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_ThreeNoShows_ResponsibleKeyWorkerEscalationTeamLeadInformedCaseManager()
    {
        // Given
        var facts = new FactsBuilder().WithWeeklyAppointments(FirstAppointment, NoShow, NoShow, NoShow);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.ResponsibleStaffId.ShouldBe(FactsBuilder.KeyWorkerId);
        deadline.EscalationStaffId.ShouldBe(FactsBuilder.ProviderTeamLeadId);
        deadline.InformedStaffId.ShouldBe(FactsBuilder.CaseManagerId);
    }

    private static List<Deadline> Evaluate(FactsBuilder facts, DateOnly? asOf = null) =>
        new F06MissedAppointmentsRule().Evaluate(facts.Build(), AsOf(asOf ?? DefaultAsOf)).ToList();
}
