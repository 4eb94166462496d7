using QeV.Domain.Facts;
using QeV.Domain.Planning;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;
using F = QeV.Domain.Tests.Support.Builders.FactsBuilder;

namespace QeV.Domain.Tests.Planning;

/// <summary>
/// Issue 10, "Mails that say what they are about": what the planner fixes on a notice for its text. "Role labels are
/// right. Informed people are labelled by their real role, not all as 'fallführende Fachkraft'. A mail to X never says
/// 'zuständig ist X'; it says 'Sie'." And the subject and the care-plan meeting a report prepares are named.
/// </summary>
public sealed class NoticeWordingTests
{
    /// <summary>F01 for the Fortschreibung on 29.06.2026: due 15.06.2026, key worker S-7, team lead S-2, case manager S-4.</summary>
    private static FactSet F01Facts() => new F().WithMeeting("M-1", new DateOnly(2026, 6, 29)).Build().WithEmails();

    [Fact]
    public void Plan_F01Overdue_OwnMailSaysSieOthersNameTheResponsible()
    {
        var notices = PlanningFacts.Plan(F01Facts(), Day("2026-06-16")).Of("F01", "M-1");

        var overdue = notices.Single(n => n.Content.Kind == NoticeKind.Overdue).Content;
        var escalation = notices.Single(n => n.Content.Kind == NoticeKind.Escalation).Content;
        var note = notices.Single(n => n.Content.Kind == NoticeKind.Note).Content;
        overdue.ResponsibleName.ShouldBeNull();
        escalation.ResponsibleName.ShouldBe("Person S-7");
        note.ResponsibleName.ShouldBe("Person S-7");
        notices.ShouldAllBe(n => n.Content.MeetingDate == new DateOnly(2026, 6, 29));
    }

    [Fact]
    public void Plan_F01Overdue_EachPersonLabelledByTheirRole()
    {
        var notices = PlanningFacts.Plan(F01Facts(), Day("2026-06-16")).Of("F01", "M-1");

        var byKind = notices.ToDictionary(n => n.Content.Kind, n => n.Content);
        byKind[NoticeKind.Overdue].ToRole.ShouldBe("Bezugsbetreuung");
        byKind[NoticeKind.Escalation].ToRole.ShouldBe("Teamleitung");
        byKind[NoticeKind.Note].ToRole.ShouldBe("fallführende Fachkraft");
        byKind[NoticeKind.Overdue].AlsoInformed.ShouldBe(["Person S-2 (Teamleitung)", "Person S-4 (fallführende Fachkraft)"]);
        byKind[NoticeKind.Note].AlsoInformed.ShouldBe(["Person S-7 (Bezugsbetreuung)", "Person S-2 (Teamleitung)"]);
    }

    [Fact]
    public void Plan_F06Notice_CopiesLabelledByRole()
    {
        var facts = new F()
            .WithWeeklyAppointments(new DateOnly(2026, 5, 22), AppointmentOutcome.NoShow, AppointmentOutcome.NoShow, AppointmentOutcome.NoShow)
            .Build().WithEmails();

        var notice = PlanningFacts.Plan(facts, Day("2026-06-05")).Of("F06", F.CaseId).Single().Content;

        notice.ToRole.ShouldBe("fallführende Fachkraft");
        notice.ResponsibleName.ShouldBe("Person S-7");
        notice.AlsoInformed.ShouldBe(["Person S-7 (Bezugsbetreuung, in Kopie)", "Person S-2 (Teamleitung, in Kopie)"]);
    }

    [Fact]
    public void Plan_F07Overdue_NamesTheProviderAndTheJugendamtLeitungsRole()
    {
        var facts = new F()
            .WithLeitung("S-20", F.ProviderId)
            .WithLeitung("S-10", F.JugendamtId)
            .WithAgreement("AG-1", new DateOnly(2024, 6, 10))
            .Build().WithEmails();

        var notices = PlanningFacts.Plan(facts, Day("2026-06-11")).Of("F07", "AG-1");

        notices.ShouldAllBe(n => n.Content.SubjectName == "Organisation P-1");
        notices.Single(n => n.Content.Kind == NoticeKind.Escalation).Content.ToRole.ShouldBe("Leitung des Jugendamts");
        notices.Single(n => n.Content.Kind == NoticeKind.Overdue).Content.ToRole.ShouldBe("Leitung des Trägers");
    }

    [Fact]
    public void Plan_F12_OwnMailNamesNoOneTheTeamLeadsNamesThePerson()
    {
        var facts = new F().WithCertificate(F.KeyWorkerId, new DateOnly(2021, 6, 15)).Build().WithEmails();

        // Issued 15.06.2021: due Monday 15.06.2026.
        var notices = PlanningFacts.Plan(facts, Day("2026-06-16")).Of("F12", F.KeyWorkerId);

        var own = notices.Single(n => n.Content.Kind == NoticeKind.Overdue).Content;
        var escalation = notices.Single(n => n.Content.Kind == NoticeKind.Escalation).Content;
        own.SubjectName.ShouldBeNull();
        own.ResponsibleName.ShouldBeNull();
        escalation.SubjectName.ShouldBe("Person S-7");
        escalation.ResponsibleName.ShouldBe("Person S-7");
    }
}
