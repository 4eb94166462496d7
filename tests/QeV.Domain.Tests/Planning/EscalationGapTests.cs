using QeV.Domain.Facts;
using QeV.Domain.Planning;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;
using F = QeV.Domain.Tests.Support.Builders.FactsBuilder;

namespace QeV.Domain.Tests.Planning;

/// <summary>
/// No escalation is dropped silently. Seed 000, Hilfeplanverfahren: "Die Hilfeplanfortschreibung kann nur nach Vorlage
/// eines Entwicklungsberichtes erfolgen" — a missing report must reach someone who can act; and seed 000, Kommunikation:
/// "verbindliche Ansprechpartner*innen … (das Jugendamt verfügt über dienstbereite Vertretungsregelungen)". Where the
/// data name no team lead to escalate to, the organisation's Leitung gets it and the gap is a data problem.
/// </summary>
public sealed class EscalationGapTests
{
    // F01 of M-1 (Fortschreibung 29.06.2026) is due Monday 15.06.2026 and overdue with escalation on 16.06.
    private static readonly DateOnly Overdue = new(2026, 6, 16);

    private static F WithMeetingAndLeitung() => new F()
        .WithMeeting("M-1", new DateOnly(2026, 6, 29))
        .WithLeitung("S-30", F.ProviderId);

    [Fact]
    public void Plan_KeyWorkerLeadsOwnTeamWithoutDeputyLead_EscalatesToLeitungAndRecordsGap()
    {
        // Given: the team lead S-2 is the case's key worker; the team has no deputy lead
        var facts = WithMeetingAndLeitung()
            .WithTeam(F.ProviderTeamId, F.ProviderId, F.ProviderTeamLeadId)
            .WithCase(F.CaseId, keyWorkerStaffId: F.ProviderTeamLeadId)
            .Build().WithEmails();

        // When
        var plan = PlanningFacts.Plan(facts, Overdue);

        // Then
        plan.Of("F01", "M-1").Routing().ShouldBe(["Overdue→S-2[]", "Escalation→S-30[]", "Note→S-4[]"]);
        plan.Problems.Select(p => p.Line.Problem).ShouldContain(
            "leitet das eigene Team Team T-P-1 ohne stellvertretende Teamleitung, daher keine Eskalation; Eskalation an die Leitung");
    }

    [Fact]
    public void Plan_KeyWorkerWithoutTeam_EscalatesToLeitungAndRecordsGap()
    {
        // Given: key worker S-8 of the provider belongs to no team
        var facts = WithMeetingAndLeitung()
            .WithStaff("S-8", F.ProviderId)
            .WithCase(F.CaseId, keyWorkerStaffId: "S-8")
            .Build().WithEmails();

        // When
        var plan = PlanningFacts.Plan(facts, Overdue);

        // Then
        plan.Of("F01", "M-1").Routing().ShouldBe(["Overdue→S-8[]", "Escalation→S-30[]", "Note→S-4[]"]);
        var gap = plan.Problems.Where(p => p.Line.Context.StartsWith("F01", StringComparison.Ordinal)).ShouldHaveSingleItem();
        gap.Line.StaffId.ShouldBe("S-8");
        gap.Line.Problem.ShouldBe("ohne Team, daher keine Teamleitung für die Eskalation; Eskalation an die Leitung");
        gap.Line.Context.ShouldContain("51.2-0815/25");
    }

    [Fact]
    public void Plan_NoTeamAndNoLeitung_GapRecordedAsUnresolvable()
    {
        // Given: as before, but the provider has no active Leitung
        var facts = new F()
            .WithMeeting("M-1", new DateOnly(2026, 6, 29))
            .WithStaff("S-8", F.ProviderId)
            .WithCase(F.CaseId, keyWorkerStaffId: "S-8")
            .Build().WithEmails();

        // When
        var plan = PlanningFacts.Plan(facts, Overdue);

        // Then: the mails that can go, go; the gap is named for the admin report
        plan.Of("F01", "M-1").Routing().ShouldBe(["Overdue→S-8[]", "Note→S-4[]"]);
        plan.Problems.Where(p => p.Line.Context.StartsWith("F01", StringComparison.Ordinal)).ShouldHaveSingleItem().Line.Problem.ShouldBe(
            "ohne Team, daher keine Teamleitung für die Eskalation; keine aktive Leitung hinterlegt");
    }

    [Fact]
    public void Plan_ResponsibleInactiveWithoutDeputyOrTeam_NoticeGoesToLeitung()
    {
        // Given: key worker S-8 has left (inactive), has no deputy and no team: the reminder would go nowhere
        var facts = WithMeetingAndLeitung()
            .WithStaff("S-8", F.ProviderId, active: false)
            .WithCase(F.CaseId, keyWorkerStaffId: "S-8")
            .Build().WithEmails();

        // When: ten business days before the due date
        var plan = PlanningFacts.Plan(facts, Day("2026-06-01"));

        // Then
        var reminder = plan.Of("F01", "M-1").ShouldHaveSingleItem();
        reminder.Content.To.StaffId.ShouldBe("S-30");
        reminder.Content.To.StandsInFor.ShouldBe("Person S-8");
        plan.Problems.Select(p => p.Line.Problem).ShouldContain("nicht mehr aktiv");
    }

    [Fact]
    public void Plan_TeamLeadWithDeputyLead_EscalatesToDeputyLeadWithoutGap()
    {
        // Given: the default team has the deputy lead S-3; the team lead S-2 is key worker
        var facts = WithMeetingAndLeitung()
            .WithCase(F.CaseId, keyWorkerStaffId: F.ProviderTeamLeadId)
            .Build().WithEmails();

        // When
        var plan = PlanningFacts.Plan(facts, Overdue);

        // Then
        plan.Of("F01", "M-1").Routing().ShouldBe(["Overdue→S-2[]", "Escalation→S-3[]", "Note→S-4[]"]);
        plan.Problems.Where(p => p.Line.Context.StartsWith("F01", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void PlanDigest_TeamLeadAndDeputyLeadGone_DigestGoesToLeitung()
    {
        // Given: F01 overdue in team T-P-1, whose lead S-2 and deputy lead S-3 have both left
        var facts = WithMeetingAndLeitung().Build().WithEmails()
            .ChangeStaff(F.ProviderTeamLeadId, s => s with { Active = false })
            .ChangeStaff(F.ProviderDeputyLeadId, s => s with { Active = false });

        // When
        var digests = new DigestPlanner(PlanningFacts.Calendar).Plan(PlanningFacts.Snapshot(facts, Overdue), Overdue, [], 7);

        // Then
        var digest = digests.Single(d => d.Content.Key == "digest/S-2/2026-06-16");
        digest.Content.To.StaffId.ShouldBe("S-30");
        digest.Content.To.StandsInFor.ShouldBe("Person S-2");
    }
}
