using QeV.Domain.Planning;
using QeV.Domain.Rules;
using QeV.Domain.Tests.Rules;

namespace QeV.Domain.Tests.Planning;

/// <summary>
/// Routing of the rules beyond the core five through the planner's drafts: who acts, who is escalated to, who is told.
/// F17, seed 000 annex: "Bei längerfristigem Ausfall (über 6 Wochen) wird eine fachlich gleichwertige Fachkraft durch
/// den Träger/ Leistungsanbieter in Absprache mit der fallführenden Fachkraft … sichergestellt."
/// </summary>
public sealed class NoticePlannerCatalogTests
{
    [Fact]
    public void Plan_F17FirstDayOverdue_TeamLeadOverdueLeitungEscalationCaseManagerNote()
    {
        // Given: the key worker S-7 absent from Monday 2026-03-02 without end; due Monday 2026-04-13, overdue one
        // business day later
        var facts = new FactsBuilder()
            .WithLeitung("S-30", FactsBuilder.ProviderId)
            .WithAbsence(FactsBuilder.KeyWorkerId, new DateOnly(2026, 3, 2), null)
            .Build()
            .WithEmails();
        var day = new DateOnly(2026, 4, 14);

        // When
        var plan = Plan(facts, day);

        // Then
        plan.Of("F17", FactsBuilder.CaseId).Routing().ShouldBe(["Overdue→S-2[]", "Escalation→S-30[]", "Note→S-4[]"]);
    }

    [Fact]
    public void Plan_F16ReminderWeekBeforeEnd_KeyWorkerOnly()
    {
        // Given: the Nachweisblatt of March 2026 is due Thursday 2026-04-30; five business days before is Thursday
        // 2026-04-23; February's sheet is on record (so Nachweisblätter are part of the export at all)
        var facts = new FactsBuilder()
            .WithCaseReport("NB-2", QeV.Domain.Facts.ReportKind.Nachweisblatt, new DateOnly(2026, 3, 5), "2026-02")
            .Build().WithEmails();
        var day = new DateOnly(2026, 4, 23);

        // When
        var plan = Plan(facts, day);

        // Then
        plan.Notices.Where(n => n.Content.Rule == "F16" && n.Content.DueDate == new DateOnly(2026, 4, 30))
            .Routing().ShouldBe(["Reminder→S-7[]"]);
    }

    private static NoticePlan Plan(QeV.Domain.Facts.FactSet facts, DateOnly day)
    {
        var context = ProfileContexts.Under("magdeburg", day);
        var snapshot = new DeadlineSnapshot(facts, context, new DeadlineEngine(RuleCatalog.All).Evaluate(facts, context));
        return new NoticePlanner(new NotificationRulesOptions(), PlanningFacts.Calendar).Plan(snapshot, day);
    }
}
