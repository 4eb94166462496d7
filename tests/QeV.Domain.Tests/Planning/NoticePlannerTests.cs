using QeV.Domain.Facts;
using QeV.Domain.Planning;
using QeV.Domain.Tests.Rules;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;
using F = QeV.Domain.Tests.Support.Builders.FactsBuilder;

namespace QeV.Domain.Tests.Planning;

/// <summary>
/// Who gets which mail at each stage (notification issue): F01 the key worker at 10 and 3 business days and on the
/// due day, at 1 business day overdue the key worker, an escalation to the key worker's team lead and a note to the
/// case manager, then weekly; F06 the case manager at once with key worker and team lead in Cc; F07 the provider's
/// leitung, overdue an escalation to the Jugendamt's leitung; F09 the Jugendamt's leitung; F12 the staff member (team
/// lead in Cc at 30 days), overdue an escalation to the team lead; a missing certificate at once. Catch-up collapses
/// missed stages into the latest one; fulfilled deadlines get nothing. Facts from <see cref="FactsBuilder"/>, every
/// person with an address; the key is (rule, subject, due date, stage, recipient).
/// </summary>
public sealed class NoticePlannerTests
{
    /// <summary>Key worker S-7 (team T-P-1, lead S-2, deputy lead S-3), case manager S-4; F01 due Monday 15.06.2026.</summary>
    private static F F01Facts() => new F()
        .WithMeeting("M-1", new DateOnly(2026, 6, 29))
        .WithCertificate(F.KeyWorkerId, new DateOnly(2024, 1, 10))
        .WithCertificate(F.ProviderTeamLeadId, new DateOnly(2024, 1, 10))
        .WithCertificate(F.ProviderDeputyLeadId, new DateOnly(2024, 1, 10));

    private static List<PlannedNotice> F01(FactSet facts, string day) => PlanningFacts.Plan(facts, Day(day)).Of("F01", "M-1");

    [Theory]
    [InlineData("2026-05-29", "", "")]
    [InlineData("2026-06-01", "reminder-10bd", "Reminder→S-7[]")]
    [InlineData("2026-06-10", "reminder-3bd", "Reminder→S-7[]")]
    [InlineData("2026-06-15", "due", "Due→S-7[]")]
    [InlineData("2026-06-16", "overdue", "Overdue→S-7[] Escalation→S-2[] Note→S-4[]")]
    [InlineData("2026-06-23", "overdue-2", "Overdue→S-7[] Escalation→S-2[] Note→S-4[]")]
    public void Plan_F01EachStage_RightDayAndRecipients(string day, string stage, string routing)
    {
        // Given
        var facts = F01Facts().Build().WithEmails();

        // When
        var notices = F01(facts, day);

        // Then
        string.Join(' ', notices.Routing()).ShouldBe(routing);
        notices.ShouldAllBe(n => n.Content.Stage == stage);
    }

    [Fact]
    public void Plan_F01FirstOverdue_KeysNameRuleSubjectDueDateStageAndRecipient()
    {
        // Given
        var facts = F01Facts().Build().WithEmails();

        // When
        var notices = F01(facts, "2026-06-16");

        // Then
        notices.Select(n => n.Key).ShouldBe(
        [
            "F01/M-1/2026-06-15/overdue/overdue/S-7",
            "F01/M-1/2026-06-15/overdue/escalation/S-2",
            "F01/M-1/2026-06-15/overdue/note/S-4",
        ]);
        notices.ShouldAllBe(n => n.Content.FileReference == F.FileReference && n.Content.DueDate == new DateOnly(2026, 6, 15));
        notices.ShouldAllBe(n => n.Content.Status == "overdue");
    }

    [Fact]
    public void Plan_F01Reminder_MailGoesToTheKeyWorkersAddress()
    {
        // Given
        var facts = F01Facts().Build().WithEmails();

        // When
        var notice = F01(facts, "2026-06-10").ShouldHaveSingleItem();

        // Then
        notice.Content.To.Email.ShouldBe(PlanningFacts.EmailOf(F.KeyWorkerId));
        notice.Content.Kind.ShouldBe(NoticeKind.Reminder);
        notice.Content.Urgent.ShouldBeFalse();
        notice.IntendedStaffId.ShouldBe(F.KeyWorkerId);
        notice.PlannedFor.ShouldBe(new DateOnly(2026, 6, 10));
    }

    [Theory]
    [InlineData("2026-06-10")]
    [InlineData("2026-06-15")]
    [InlineData("2026-06-16")]
    [InlineData("2026-06-23")]
    public void Plan_F01Fulfilled_NoNotice(string day)
    {
        // Given: the Entwicklungsbericht for M-1 came in on 09.06.2026
        var facts = F01Facts().WithEntwicklungsbericht("R-1", new DateOnly(2026, 6, 9), meetingId: "M-1").Build().WithEmails();

        // When
        var notices = F01(facts, day);

        // Then
        notices.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_NothingRanSinceBeforeTheFirstReminder_OnlyTheLatestStageNoBurst()
    {
        // Given: the worker was down from 29.05. to 24.06.2026; five F01 stages lie in the past
        var facts = F01Facts().Build().WithEmails();

        // When
        var notices = F01(facts, "2026-06-24");

        // Then: the weekly overdue notice and its escalation, not ten mails; the case manager's note, which the missed
        // first overdue stage would have carried, is still owed once – its key does not depend on the overdue stage
        notices.Routing().ShouldBe(["Overdue→S-7[]", "Escalation→S-2[]", "Note→S-4[]"]);
        notices.ShouldAllBe(n => n.Content.Stage == "overdue-2");
        notices.Single(n => n.Content.Kind == NoticeKind.Note).Key.ShouldEndWith("/overdue/note/S-4");
    }

    [Fact]
    public void Plan_DownBetweenTheReminders_OneMailForTheSecondReminder()
    {
        // Given: 10-day reminder missed (01.06.), the 3-day one owed since 10.06.
        var facts = F01Facts().Build().WithEmails();

        // When
        var notices = F01(facts, "2026-06-12");

        // Then
        notices.ShouldHaveSingleItem().Content.Stage.ShouldBe("reminder-3bd");
    }

    [Fact]
    public void Plan_F06ThirdAppointmentWithoutCooperation_CaseManagerAtOnceKeyWorkerAndTeamLeadInCc()
    {
        // Given: no-shows on 22.05., 29.05. and 05.06.2026
        var facts = new F()
            .WithWeeklyAppointments(new DateOnly(2026, 5, 22), AppointmentOutcome.NoShow, AppointmentOutcome.NoShow, AppointmentOutcome.NoShow)
            .Build().WithEmails();

        // When
        var before = PlanningFacts.Plan(facts, Day("2026-06-04")).Of("F06", F.CaseId);
        var notices = PlanningFacts.Plan(facts, Day("2026-06-05")).Of("F06", F.CaseId);

        // Then
        before.ShouldBeEmpty();
        notices.Routing().ShouldBe(["Notice→S-4[S-7,S-2]"]);
        var notice = notices.Single();
        notice.Content.Urgent.ShouldBeTrue();
        notice.Key.ShouldBe("F06/C-17/2026-06-05/notice/notice/S-4");
    }

    [Fact]
    public void Plan_F06DaysLater_SameKeySoTheLedgerHoldsItOnce()
    {
        // Given
        var facts = new F()
            .WithWeeklyAppointments(new DateOnly(2026, 5, 22), AppointmentOutcome.NoShow, AppointmentOutcome.NoShow, AppointmentOutcome.NoShow)
            .Build().WithEmails();

        // When
        var first = PlanningFacts.Plan(facts, Day("2026-06-05")).Of("F06", F.CaseId);
        var later = PlanningFacts.Plan(facts, Day("2026-06-12")).Of("F06", F.CaseId);

        // Then
        later.Select(n => n.Key).ShouldBe(first.Select(n => n.Key));
    }

    [Theory]
    [InlineData("2026-04-14", "", "")]
    [InlineData("2026-04-15", "reminder-8w", "Reminder→S-20[]")]
    [InlineData("2026-05-27", "reminder-2w", "Reminder→S-20[]")]
    [InlineData("2026-06-11", "overdue", "Overdue→S-20[] Escalation→S-10[]")]
    [InlineData("2026-07-13", "overdue-2", "Overdue→S-20[] Escalation→S-10[]")]
    public void Plan_F07EachStage_ProviderLeitungThenEscalationToJugendamtLeitung(string day, string stage, string routing)
    {
        // Given: QEV concluded 10.06.2024 → Leistungsbericht due Wednesday 10.06.2026; provider leitung S-20,
        // Jugendamt leitung S-10; overdue-2 falls on Saturday 11.07. and is owed on Monday 13.07.
        var facts = new F()
            .WithLeitung("S-20", F.ProviderId)
            .WithLeitung("S-10", F.JugendamtId)
            .WithAgreement("AG-1", new DateOnly(2024, 6, 10))
            .Build().WithEmails();

        // When
        var notices = PlanningFacts.Plan(facts, Day(day)).Of("F07", "AG-1");

        // Then
        string.Join(' ', notices.Routing()).ShouldBe(routing);
        notices.ShouldAllBe(n => n.Content.Stage == stage);
    }

    [Theory]
    [InlineData("2025-12-12", "", "")]
    [InlineData("2025-12-15", "reminder-6m", "Reminder→S-10[]")]
    [InlineData("2026-04-15", "reminder-2m", "Reminder→S-10[]")]
    [InlineData("2026-06-16", "overdue", "Overdue→S-10[]")]
    [InlineData("2026-07-16", "overdue-2", "Overdue→S-10[]")]
    public void Plan_F09EachStage_JugendamtLeitung(string day, string stage, string routing)
    {
        // Given: last AG § 78 session 14.06.2023 → due Sunday 14.06.2026, moved to Monday 15.06.2026
        var facts = new F()
            .WithLeitung("S-10", F.JugendamtId)
            .WithSession("AG78-1", new DateOnly(2023, 6, 14))
            .Build().WithEmails();

        // When
        var notices = PlanningFacts.Plan(facts, Day(day)).Of("F09", F.JugendamtId);

        // Then
        string.Join(' ', notices.Routing()).ShouldBe(routing);
        notices.ShouldAllBe(n => n.Content.Stage == stage);
    }

    [Theory]
    [InlineData("2026-06-17", "", "")]
    [InlineData("2026-06-18", "reminder-90d", "Reminder→S-7[]")]
    [InlineData("2026-08-17", "reminder-30d", "Reminder→S-7[S-2]")]
    [InlineData("2026-09-16", "due", "Due→S-7[]")]
    [InlineData("2026-09-17", "overdue", "Overdue→S-7[] Escalation→S-2[]")]
    [InlineData("2026-09-24", "overdue-2", "Overdue→S-7[] Escalation→S-2[]")]
    public void Plan_F12EachStage_StaffMemberTeamLeadInCcAtThirtyDaysEscalationWhenOverdue(string day, string stage, string routing)
    {
        // Given: certificate issued 16.09.2021 → renewal due Wednesday 16.09.2026
        var facts = new F()
            .WithCertificate(F.KeyWorkerId, new DateOnly(2021, 9, 16))
            .Build().WithEmails();

        // When
        var notices = PlanningFacts.Plan(facts, Day(day)).Of("F12", F.KeyWorkerId);

        // Then
        string.Join(' ', notices.Routing()).ShouldBe(routing);
        notices.ShouldAllBe(n => n.Content.Stage == stage);
    }

    [Theory]
    [InlineData("2026-08-17", "Reminder→S-2[S-3]")]
    [InlineData("2026-09-17", "Overdue→S-2[] Escalation→S-3[]")]
    public void Plan_F12OfTheTeamLead_DeputyLeadInsteadOfTheLead(string day, string routing)
    {
        // Given: the team lead's own certificate, issued 16.09.2021
        var facts = new F()
            .WithCertificate(F.ProviderTeamLeadId, new DateOnly(2021, 9, 16))
            .Build().WithEmails();

        // When
        var notices = PlanningFacts.Plan(facts, Day(day)).Of("F12", F.ProviderTeamLeadId);

        // Then
        string.Join(' ', notices.Routing()).ShouldBe(routing);
    }

    [Fact]
    public void Plan_F12NoCertificateOnRecord_StaffMemberAndTeamLeadAtOnce()
    {
        // Given: employed since Monday 02.03.2026, no certificate
        var facts = new F().WithEmployedSince(F.KeyWorkerId, new DateOnly(2026, 3, 2)).Build().WithEmails();

        // When
        var notices = PlanningFacts.Plan(facts, Day("2026-03-02")).Of("F12", F.KeyWorkerId);
        var nextDay = PlanningFacts.Plan(facts, Day("2026-03-03")).Of("F12", F.KeyWorkerId);

        // Then
        notices.Routing().ShouldBe(["Missing→S-7[S-2]"]);
        notices.Single().Content.Stage.ShouldBe("missing");
        nextDay.Select(n => n.Key).ShouldBe(notices.Select(n => n.Key));
    }

    [Fact]
    public void Plan_F12NoCertificateAndNoEmployedSince_NextDayPlansNoNewMail()
    {
        // Given: no certificate and no employed_since: the deadline is due "as of the report's date"
        var facts = new F().Build().WithEmails();

        // When
        var monday = PlanningFacts.Plan(facts, Day("2026-03-02")).Of("F12", F.KeyWorkerId);
        var tuesday = PlanningFacts.Plan(facts, Day("2026-03-03")).Of("F12", F.KeyWorkerId);

        // Then: told at once on Monday; Tuesday must not bring another "missing" mail (repeats are weekly)
        monday.Routing().ShouldBe(["Missing→S-7[S-2]"]);
        tuesday.Select(n => n.Key).ShouldBeSubsetOf(monday.Select(n => n.Key),
            "a new key every day means a new mail to the staff member and the team lead every business day");
    }

    [Fact]
    public void Plan_KeyWorkerAbsentWithDeputy_DeputyStandsInAndKeyStaysWithTheKeyWorker()
    {
        // Given: S-7 away 08.06.–19.06.2026, deputy S-3
        var facts = F01Facts().Build().WithEmails()
            .Absent(F.KeyWorkerId, new DateOnly(2026, 6, 8), new DateOnly(2026, 6, 19))
            .Deputy(F.KeyWorkerId, F.ProviderDeputyLeadId);

        // When
        var plan = PlanningFacts.Plan(facts, Day("2026-06-10"));

        // Then
        var notice = plan.Of("F01", "M-1").ShouldHaveSingleItem();
        notice.Content.To.StaffId.ShouldBe(F.ProviderDeputyLeadId);
        notice.Content.To.StandsInFor.ShouldBe("Person S-7");
        notice.Key.ShouldBe("F01/M-1/2026-06-15/reminder-3bd/reminder/S-7");
        plan.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_TeamLeadAbsentOnEscalation_DeputyLeadGetsTheEscalation()
    {
        // Given: team lead S-2 away on 16.06.2026; S-3 is the team's deputy lead
        var facts = F01Facts().Build().WithEmails().Absent(F.ProviderTeamLeadId, new DateOnly(2026, 6, 15), null);

        // When
        var notices = F01(facts, "2026-06-16");

        // Then
        notices.Routing().ShouldBe(["Overdue→S-7[]", "Escalation→S-3[]", "Note→S-4[]"]);
        notices.Single(n => n.Content.Kind == NoticeKind.Escalation).Content.To.StandsInFor.ShouldBe("Person S-2");
    }

    [Theory]
    [InlineData(false, true, "nicht mehr aktiv")]
    [InlineData(true, false, "keine E-Mail-Adresse hinterlegt")]
    public void Plan_KeyWorkerUnreachable_DataProblemAndTheTeamLeadGetsTheMail(bool active, bool hasEmail, string problem)
    {
        // Given: the key worker has no deputy
        var facts = F01Facts().Build().WithEmails()
            .ChangeStaff(F.KeyWorkerId, s => s with { Active = active, Email = hasEmail ? s.Email : null });

        // When
        var plan = PlanningFacts.Plan(facts, Day("2026-06-10"));

        // Then
        plan.Of("F01", "M-1").Routing().ShouldBe(["Reminder→S-2[]"]);
        var found = plan.Problems.ShouldHaveSingleItem();
        found.Line.StaffId.ShouldBe(F.KeyWorkerId);
        found.Line.Problem.ShouldBe(problem);
        found.Line.Context.ShouldContain("F01");
        found.TeamLeadStaffId.ShouldBe(F.ProviderTeamLeadId);
    }

    [Fact]
    public void Plan_KeyWorkerUnknown_DataProblemAndNoNotice()
    {
        // Given: the case names S-99, who is not in the staff list
        var facts = F01Facts().WithCase(F.CaseId, keyWorkerStaffId: "S-99").Build().WithEmails();

        // When
        var plan = PlanningFacts.Plan(facts, Day("2026-06-10"));

        // Then
        plan.Of("F01", "M-1").ShouldBeEmpty();
        plan.Problems.ShouldContain(p => p.Line.StaffId == "S-99" && p.Line.Problem == "Person unbekannt");
    }

    [Fact]
    public void Plan_NoKeyWorkerOnRecord_DataProblemNotSilentlyDropped()
    {
        // Given
        var facts = F01Facts().WithCase(F.CaseId, keyWorkerStaffId: null).Build().WithEmails();

        // When
        var plan = PlanningFacts.Plan(facts, Day("2026-06-10"));

        // Then
        plan.Of("F01", "M-1").ShouldBeEmpty();
        var found = plan.Problems.ShouldHaveSingleItem();
        found.Line.Problem.ShouldBe("keine zuständige Person hinterlegt");
        found.Line.Context.ShouldContain(F.FileReference);
    }

    [Fact]
    public void Plan_SubstituteIsAlsoInCc_NotCopiedToThemselves()
    {
        // Given: S-7 away without a deputy, so the 30-day F12 reminder goes to the team lead, who is also the Cc
        var facts = new F()
            .WithCertificate(F.KeyWorkerId, new DateOnly(2021, 9, 16))
            .Build().WithEmails()
            .Absent(F.KeyWorkerId, new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 31));

        // When
        var notices = PlanningFacts.Plan(facts, Day("2026-08-17")).Of("F12", F.KeyWorkerId);

        // Then
        notices.Routing().ShouldBe(["Reminder→S-2[]"]);
    }
}
