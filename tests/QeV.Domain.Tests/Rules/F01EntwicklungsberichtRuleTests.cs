using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F01 Entwicklungsbericht, DOMAIN.md: "erhält die fallführende Fachkraft zwei Wochen vorab einen
/// Entwicklungsbericht"; "Die Hilfeplanfortschreibung kann nur nach Vorlage eines Entwicklungsberichtes erfolgen".
/// Precise default: one instance per meeting of kind <c>fortschreibung</c> with status <c>planned</c>; due = meeting
/// date − 14 days, moved to the previous business day of the key worker's Bundesland; fulfilled by an
/// <c>entwicklungsbericht</c> tied by <c>meeting_id</c> or else (CONTRACT.md) counting for the case's earliest
/// Fortschreibung (planned or held) dated on or after its received date.
/// </summary>
public sealed class F01EntwicklungsberichtRuleTests
{
    private static readonly DateOnly DefaultAsOf = new(2026, 1, 15);

    [Fact]
    public void Evaluate_PlannedFortschreibungOnBusinessDay_DueFourteenDaysBefore()
    {
        // Given
        var facts = new FactsBuilder().WithMeeting("M-1001", new DateOnly(2026, 12, 18));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then: 2026-12-18 is a Friday; 14 days earlier, Friday 2026-12-04, is a business day in ST
        deadline.DueDate.ShouldBe(new DateOnly(2026, 12, 4));
    }

    [Fact]
    public void Evaluate_PlannedFortschreibung_DescribesMeetingAndCase()
    {
        // Given
        var facts = new FactsBuilder().WithMeeting("M-1001", new DateOnly(2026, 12, 18));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.Rule.ShouldBe("F01");
        deadline.Name.ShouldBe("Entwicklungsbericht");
        deadline.SubjectType.ShouldBe(SubjectType.Meeting);
        deadline.SubjectId.ShouldBe("M-1001");
        deadline.CaseId.ShouldBe(FactsBuilder.CaseId);
        deadline.FileReference.ShouldBe(FactsBuilder.FileReference);
    }

    [Fact]
    public void Evaluate_TwoPlannedFortschreibungen_OneInstanceEach()
    {
        // Given
        var facts = new FactsBuilder()
            .WithMeeting("M-1", new DateOnly(2026, 9, 10))
            .WithMeeting("M-2", new DateOnly(2027, 3, 10));

        // When
        var deadlines = Evaluate(facts);

        // Then: Thursday 2026-08-27 and Wednesday 2027-02-24 are business days in ST
        deadlines.Select(d => (d.SubjectId, d.DueDate)).OrderBy(x => x.DueDate).ShouldBe(
        [
            ("M-1", new DateOnly(2026, 8, 27)),
            ("M-2", new DateOnly(2027, 2, 24)),
        ]);
    }

    [Theory]
    // 2025-10-31 (Friday) is Reformationstag in ST: back to Thursday 2025-10-30
    [InlineData("2025-11-14", "ST", "2025-10-30")]
    // ... but no holiday in RP
    [InlineData("2025-11-14", "RP", "2025-10-31")]
    // 2027-11-01 (Monday) is Allerheiligen in RP: back over the weekend to Friday 2027-10-29
    [InlineData("2027-11-15", "RP", "2027-10-29")]
    // ... but no holiday in ST
    [InlineData("2027-11-15", "ST", "2027-11-01")]
    // 2026-06-04 (Thursday) is Fronleichnam in RP: back to Wednesday 2026-06-03
    [InlineData("2026-06-18", "RP", "2026-06-03")]
    // ... but no holiday in ST
    [InlineData("2026-06-18", "ST", "2026-06-04")]
    // 2027-01-06 (Wednesday) is Heilige Drei Könige in ST: back to Tuesday 2027-01-05
    [InlineData("2027-01-20", "ST", "2027-01-05")]
    // ... but no holiday in RP
    [InlineData("2027-01-20", "RP", "2027-01-06")]
    // 2026-04-06 is Ostermontag; 04-05 and 04-04 the Easter weekend; 04-03 Karfreitag: back to Thursday 2026-04-02
    [InlineData("2026-04-20", "ST", "2026-04-02")]
    // a Sunday meeting: Sunday 2026-03-08 goes back to Friday 2026-03-06
    [InlineData("2026-03-22", "ST", "2026-03-06")]
    // 2026-10-31 is Reformationstag in ST and a Saturday: back to Friday 2026-10-30
    [InlineData("2026-11-14", "ST", "2026-10-30")]
    public void Evaluate_FourteenDaysBeforeIsNoBusinessDay_MovesToPreviousBusinessDayOfKeyWorkersState(
        string meeting, string state, string expected)
    {
        // Given
        var facts = new FactsBuilder()
            .WithProviderState(state)
            .WithMeeting("M-1", Day(meeting));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(Day(expected));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Evaluate_ProviderWithoutState_UsesDefaultStateST(string? state)
    {
        // Given
        var facts = new FactsBuilder()
            .WithProviderState(state)
            .WithMeeting("M-1", new DateOnly(2025, 11, 14));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then: 2025-10-31 (Friday) is Reformationstag in the default state ST
        deadline.DueDate.ShouldBe(new DateOnly(2025, 10, 30));
    }

    [Fact]
    public void Evaluate_KeyWorkerOfOrganisationInOtherState_UsesKeyWorkersState()
    {
        // Given: the case's provider is in ST, the key worker belongs to an organisation in RP
        var facts = new FactsBuilder()
            .WithOrganisation("P-2", OrganisationKind.Traeger, "RP")
            .WithStaff("S-8", "P-2")
            .WithCase(FactsBuilder.CaseId, keyWorkerStaffId: "S-8")
            .WithMeeting("M-1", new DateOnly(2027, 11, 15));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then: 2027-11-01 (Monday) is Allerheiligen in RP, not in ST: back to Friday 2027-10-29
        deadline.DueDate.ShouldBe(new DateOnly(2027, 10, 29));
    }

    [Theory]
    [InlineData(MeetingKind.Fortschreibung, MeetingStatus.Held)]
    [InlineData(MeetingKind.Fortschreibung, MeetingStatus.Cancelled)]
    [InlineData(MeetingKind.Initial, MeetingStatus.Planned)]
    [InlineData(MeetingKind.Initial, MeetingStatus.Held)]
    [InlineData(MeetingKind.Konkretisierung, MeetingStatus.Planned)]
    public void Evaluate_MeetingOtherThanPlannedFortschreibung_MakesNoInstance(MeetingKind kind, MeetingStatus status)
    {
        // Given
        var facts = new FactsBuilder().WithMeeting("M-1", new DateOnly(2026, 9, 10), kind, status);

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026-08-26", DeadlineStatus.Upcoming)]
    [InlineData("2026-08-27", DeadlineStatus.Due)]
    [InlineData("2026-08-28", DeadlineStatus.Overdue)]
    [InlineData("2027-08-28", DeadlineStatus.Overdue)]
    public void Evaluate_NoReport_StatusFollowsAsOfDate(string asOf, DeadlineStatus expected)
    {
        // Given: meeting Thursday 2026-09-10, due Thursday 2026-08-27
        var facts = new FactsBuilder().WithMeeting("M-1", new DateOnly(2026, 9, 10));

        // When
        var deadline = Evaluate(facts, Day(asOf)).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_ReportTiedByMeetingId_Fulfilled()
    {
        // Given: received late, after the due date, but tied to the meeting
        var facts = new FactsBuilder()
            .WithMeeting("M-1", new DateOnly(2026, 9, 10))
            .WithEntwicklungsbericht("R-1", new DateOnly(2026, 9, 2), meetingId: "M-1");

        // When
        var deadline = Evaluate(facts, new DateOnly(2026, 9, 5)).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Fact]
    public void Evaluate_ReportTiedToLaterMeeting_FulfilsOnlyThatMeeting()
    {
        // Given: received before both meetings, so without meeting_id it would count for M-1
        var facts = new FactsBuilder()
            .WithMeeting("M-1", new DateOnly(2026, 9, 10))
            .WithMeeting("M-2", new DateOnly(2027, 3, 10))
            .WithEntwicklungsbericht("R-1", new DateOnly(2026, 8, 20), meetingId: "M-2");

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.Single(d => d.SubjectId == "M-1").Status.ShouldBe(DeadlineStatus.Upcoming);
        deadlines.Single(d => d.SubjectId == "M-2").Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Theory]
    [InlineData(ReportKind.Leistungsbericht)]
    [InlineData(ReportKind.Abschlussbericht)]
    [InlineData(ReportKind.Nachweisblatt)]
    public void Evaluate_OtherReportKindTiedToMeeting_NotFulfilled(ReportKind kind)
    {
        // Given
        var facts = new FactsBuilder()
            .WithMeeting("M-1", new DateOnly(2026, 9, 10))
            .WithReport("R-1", kind, new DateOnly(2026, 8, 20), caseId: FactsBuilder.CaseId, meetingId: "M-1");

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    [Fact]
    public void Evaluate_UntiedReportReceivedBeforeHeldFortschreibung_DoesNotFulfilNextPlanned()
    {
        // Given: the report prepared the held meeting of 2026-03-10
        var facts = new FactsBuilder()
            .WithMeeting("M-1", new DateOnly(2026, 3, 10), status: MeetingStatus.Held)
            .WithMeeting("M-2", new DateOnly(2026, 9, 10))
            .WithEntwicklungsbericht("R-1", new DateOnly(2026, 3, 1));

        // When
        var deadline = Evaluate(facts, new DateOnly(2026, 9, 1)).ShouldHaveSingleItem();

        // Then: due Thursday 2026-08-27, still open
        deadline.SubjectId.ShouldBe("M-2");
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_UntiedReportReceivedAfterHeldFortschreibung_FulfilsNextPlanned()
    {
        // Given
        var facts = new FactsBuilder()
            .WithMeeting("M-1", new DateOnly(2026, 3, 10), status: MeetingStatus.Held)
            .WithMeeting("M-2", new DateOnly(2026, 9, 10))
            .WithEntwicklungsbericht("R-1", new DateOnly(2026, 4, 1));

        // When
        var deadline = Evaluate(facts, new DateOnly(2026, 9, 1)).ShouldHaveSingleItem();

        // Then
        deadline.SubjectId.ShouldBe("M-2");
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Fact]
    public void Evaluate_UntiedReportReceivedOnMeetingDay_CountsForThatMeeting()
    {
        // Given
        var facts = new FactsBuilder()
            .WithMeeting("M-1", new DateOnly(2026, 9, 10))
            .WithMeeting("M-2", new DateOnly(2027, 3, 10))
            .WithEntwicklungsbericht("R-1", new DateOnly(2026, 9, 10));

        // When
        var deadlines = Evaluate(facts, new DateOnly(2026, 9, 10));

        // Then
        deadlines.Single(d => d.SubjectId == "M-1").Status.ShouldBe(DeadlineStatus.Fulfilled);
        deadlines.Single(d => d.SubjectId == "M-2").Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    [Fact]
    public void Evaluate_UntiedReportBeforeTwoPlannedFortschreibungen_FulfilsOnlyTheEarliest()
    {
        // Given
        var facts = new FactsBuilder()
            .WithMeeting("M-2", new DateOnly(2027, 3, 10))
            .WithMeeting("M-1", new DateOnly(2026, 9, 10))
            .WithEntwicklungsbericht("R-1", new DateOnly(2026, 8, 20));

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.Single(d => d.SubjectId == "M-1").Status.ShouldBe(DeadlineStatus.Fulfilled);
        deadlines.Single(d => d.SubjectId == "M-2").Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    [Fact]
    public void Evaluate_UntiedReportBeforeCancelledFortschreibung_SkipsItAndFulfilsNextPlanned()
    {
        // Given
        var facts = new FactsBuilder()
            .WithMeeting("M-1", new DateOnly(2026, 6, 10), status: MeetingStatus.Cancelled)
            .WithMeeting("M-2", new DateOnly(2026, 9, 10))
            .WithEntwicklungsbericht("R-1", new DateOnly(2026, 5, 1));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.SubjectId.ShouldBe("M-2");
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Theory]
    [InlineData(MeetingKind.Initial)]
    [InlineData(MeetingKind.Konkretisierung)]
    public void Evaluate_UntiedReportBeforeOtherMeetingKind_SkipsItAndFulfilsNextFortschreibung(MeetingKind kind)
    {
        // Given
        var facts = new FactsBuilder()
            .WithMeeting("M-1", new DateOnly(2026, 6, 10), kind)
            .WithMeeting("M-2", new DateOnly(2026, 9, 10))
            .WithEntwicklungsbericht("R-1", new DateOnly(2026, 5, 1));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.SubjectId.ShouldBe("M-2");
        deadline.Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Fact]
    public void Evaluate_UntiedReportReceivedAfterPlannedMeetingDate_DoesNotFulfilIt()
    {
        // Given: the meeting is still recorded as planned; the report came the day after it
        var facts = new FactsBuilder()
            .WithMeeting("M-1", new DateOnly(2026, 9, 10))
            .WithEntwicklungsbericht("R-1", new DateOnly(2026, 9, 11));

        // When
        var deadline = Evaluate(facts, new DateOnly(2026, 9, 15)).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_UntiedReportOfOtherCase_FulfilsOnlyThatCasesMeeting()
    {
        // Given
        var facts = new FactsBuilder()
            .WithCase("C-18")
            .WithMeeting("M-1", new DateOnly(2026, 9, 10))
            .WithMeeting("M-2", new DateOnly(2026, 9, 10), caseId: "C-18")
            .WithEntwicklungsbericht("R-1", new DateOnly(2026, 8, 20), caseId: "C-18");

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.Single(d => d.SubjectId == "M-1").Status.ShouldBe(DeadlineStatus.Upcoming);
        deadlines.Single(d => d.SubjectId == "M-2").Status.ShouldBe(DeadlineStatus.Fulfilled);
    }

    [Fact]
    public void Evaluate_KeyWorkerInTeam_ResponsibleKeyWorkerEscalationTeamLeadInformedCaseManager()
    {
        // Given
        var facts = new FactsBuilder().WithMeeting("M-1", new DateOnly(2026, 9, 10));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.ResponsibleStaffId.ShouldBe(FactsBuilder.KeyWorkerId);
        deadline.EscalationStaffId.ShouldBe(FactsBuilder.ProviderTeamLeadId);
        deadline.InformedStaffId.ShouldBe(FactsBuilder.CaseManagerId);
    }

    [Fact]
    public void Evaluate_KeyWorkerInOtherTeam_EscalationIsLeadOfThatTeam()
    {
        // Given
        var facts = new FactsBuilder()
            .WithTeam("T-P-2", FactsBuilder.ProviderId, leadStaffId: "S-20", deputyLeadStaffId: "S-21")
            .WithStaff("S-20", FactsBuilder.ProviderId, "T-P-2", StaffRole.Teamleitung)
            .WithStaff(FactsBuilder.KeyWorkerId, FactsBuilder.ProviderId, "T-P-2")
            .WithMeeting("M-1", new DateOnly(2026, 9, 10));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.EscalationStaffId.ShouldBe("S-20");
    }

    [Fact]
    public void Evaluate_CaseWithoutKeyWorker_ResponsibleAndEscalationNull()
    {
        // Given
        var facts = new FactsBuilder()
            .WithCase(FactsBuilder.CaseId, keyWorkerStaffId: null)
            .WithMeeting("M-1", new DateOnly(2026, 9, 10));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.ResponsibleStaffId.ShouldBeNull();
        deadline.EscalationStaffId.ShouldBeNull();
        deadline.DueDate.ShouldBe(new DateOnly(2026, 8, 27));
    }

    [Fact]
    public void Evaluate_InactiveKeyWorker_StillResponsible()
    {
        // Given: DOMAIN.md, "An inactive or missing person is a data problem to report, not a reason to drop the notice"
        var facts = new FactsBuilder()
            .WithStaff(FactsBuilder.KeyWorkerId, FactsBuilder.ProviderId, FactsBuilder.ProviderTeamId, active: false)
            .WithMeeting("M-1", new DateOnly(2026, 9, 10));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.ResponsibleStaffId.ShouldBe(FactsBuilder.KeyWorkerId);
        deadline.EscalationStaffId.ShouldBe(FactsBuilder.ProviderTeamLeadId);
    }

    [Fact]
    public void Evaluate_KeyWorkerWithoutTeam_EscalationNull()
    {
        // Given
        var facts = new FactsBuilder()
            .WithStaff(FactsBuilder.KeyWorkerId, FactsBuilder.ProviderId, teamId: null)
            .WithMeeting("M-1", new DateOnly(2026, 9, 10));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.ResponsibleStaffId.ShouldBe(FactsBuilder.KeyWorkerId);
        deadline.EscalationStaffId.ShouldBeNull();
    }

    private static List<Deadline> Evaluate(FactsBuilder facts, DateOnly? asOf = null) =>
        new F01EntwicklungsberichtRule().Evaluate(facts.Build(), AsOf(asOf ?? DefaultAsOf)).ToList();
}
