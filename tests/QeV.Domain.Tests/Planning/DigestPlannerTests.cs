using QeV.Domain.Facts;
using QeV.Domain.Planning;
using F = QeV.Domain.Tests.Support.Builders.FactsBuilder;

namespace QeV.Domain.Tests.Planning;

/// <summary>
/// Daily digest (notification issue): one mail per team lead with the team's overdue deadlines (grouped by rule,
/// oldest first, days overdue), those due in the next 7 business days and the team's data problems; an empty day
/// sends nothing; at most one digest per lead per day. The admin report lists data problems for
/// Notifications:AdminEmail, only when there are any and an address is set.
/// </summary>
public sealed class DigestPlannerTests
{
    /// <summary>Wednesday; 7 business days later is Friday 19.06.2026.</summary>
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static readonly DigestPlanner Planner = new(PlanningFacts.Calendar);

    /// <summary>Every provider employee with a valid certificate: no F12 noise.</summary>
    private static F Quiet(DateOnly? deputyLeadCertificate = null) => new F()
        .WithCertificate(F.KeyWorkerId, new DateOnly(2024, 1, 10))
        .WithCertificate(F.ProviderTeamLeadId, new DateOnly(2024, 1, 10))
        .WithCertificate(F.ProviderDeputyLeadId, deputyLeadCertificate ?? new DateOnly(2024, 1, 10));

    /// <summary>
    /// Overdue: F01 M-1 due 20.05. (21 days), F01 M-2 due 03.06. (7 days), F12 of S-3 due 01.06. (9 days); due soon:
    /// F01 M-3 due 18.06.; later: F01 M-4 due 26.06.; fulfilled: F01 M-5 due 18.05.
    /// </summary>
    private static FactSet TeamWithWork() => Quiet(deputyLeadCertificate: new DateOnly(2021, 6, 1))
        .WithMeeting("M-1", new DateOnly(2026, 6, 3))
        .WithMeeting("M-2", new DateOnly(2026, 6, 17))
        .WithMeeting("M-3", new DateOnly(2026, 7, 2))
        .WithMeeting("M-4", new DateOnly(2026, 7, 10))
        .WithMeeting("M-5", new DateOnly(2026, 6, 1))
        .WithEntwicklungsbericht("R-5", new DateOnly(2026, 5, 15), meetingId: "M-5")
        .Build().WithEmails();

    private static IReadOnlyList<PlannedNotice> Plan(FactSet facts, params DataProblem[] problems) =>
        Planner.Plan(PlanningFacts.Snapshot(facts, Today), Today, problems, 7);

    private static DataProblem Problem(string staffId, string problem, string? lead) =>
        new(new DataProblemLine(staffId, null, problem, "F01 Entwicklungsbericht zu 51.2-0815/25, fällig 15.06.2026"), lead);

    [Fact]
    public void Plan_OverdueDeadlines_GroupedByRuleOldestFirstWithDaysOverdue()
    {
        // Given
        var facts = TeamWithWork();

        // When
        var digest = Plan(facts).ShouldHaveSingleItem();

        // Then
        digest.Content.Overdue.Select(l => $"{l.Rule} {l.SubjectId} {l.DueDate:yyyy-MM-dd} {l.DaysOverdue}").ShouldBe(
        [
            "F01 M-1 2026-05-20 21",
            "F01 M-2 2026-06-03 7",
            "F12 S-3 2026-06-01 9",
        ]);
        digest.Content.Overdue[0].FileReference.ShouldBe(F.FileReference);
        digest.Content.Overdue[0].ResponsibleName.ShouldBe("Person S-7");
    }

    [Fact]
    public void Plan_DueWithinSevenBusinessDays_ListedLaterOnesAndFulfilledNot()
    {
        // Given
        var facts = TeamWithWork();

        // When
        var digest = Plan(facts).ShouldHaveSingleItem();

        // Then
        digest.Content.DueSoon.Select(l => $"{l.Rule} {l.SubjectId} {l.DueDate:yyyy-MM-dd}").ShouldBe(["F01 M-3 2026-06-18"]);
        digest.Content.Overdue.Concat(digest.Content.DueSoon).ShouldNotContain(l => l.SubjectId == "M-4" || l.SubjectId == "M-5");
    }

    [Fact]
    public void Plan_TeamWithWork_OneMailToTheTeamLeadKeyedByTeamLeadAndDay()
    {
        // Given
        var facts = TeamWithWork();

        // When
        var digest = Plan(facts).ShouldHaveSingleItem();

        // Then
        digest.Content.Kind.ShouldBe(NoticeKind.Digest);
        digest.Content.To.StaffId.ShouldBe(F.ProviderTeamLeadId);
        digest.Content.To.Email.ShouldBe("s-2@example.de");
        digest.Key.ShouldBe("digest/S-2/2026-06-10");
        digest.Content.Urgent.ShouldBeFalse();
    }

    [Fact]
    public void Plan_DataProblemsOfTheTeam_ListedInThatTeamsDigestOnly()
    {
        // Given: nothing due; a problem of key worker S-7 (provider team) and one of case manager S-4 (Jugendamt team)
        var facts = Quiet().Build().WithEmails();

        // When
        var digests = Plan(facts,
            Problem(F.KeyWorkerId, "nicht mehr aktiv", F.ProviderTeamLeadId),
            Problem(F.CaseManagerId, "keine E-Mail-Adresse hinterlegt", F.JugendamtTeamLeadId));

        // Then
        digests.Select(d => d.Key).ShouldBe(["digest/S-1/2026-06-10", "digest/S-2/2026-06-10"], ignoreOrder: true);
        var provider = digests.Single(d => d.Content.To.StaffId == F.ProviderTeamLeadId).Content;
        provider.Problems.ShouldBe([new DataProblemLine(F.KeyWorkerId, "Person S-7", "nicht mehr aktiv", "F01 Entwicklungsbericht zu 51.2-0815/25, fällig 15.06.2026")]);
        provider.Overdue.ShouldBeEmpty();
        provider.DueSoon.ShouldBeEmpty();
        digests.Single(d => d.Content.To.StaffId == F.JugendamtTeamLeadId).Content.Problems.ShouldHaveSingleItem().StaffId.ShouldBe(F.CaseManagerId);
    }

    [Fact]
    public void Plan_EmptyDay_NoMail()
    {
        // Given: nothing overdue, nothing due within 7 business days, no problems
        var facts = Quiet().WithMeeting("M-4", new DateOnly(2026, 7, 10)).Build().WithEmails();

        // When
        var digests = Plan(facts);

        // Then
        digests.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_TeamLeadAbsent_DeputyLeadGetsTheDigest()
    {
        // Given
        var facts = TeamWithWork().Absent(F.ProviderTeamLeadId, new DateOnly(2026, 6, 8), new DateOnly(2026, 6, 12));

        // When
        var digest = Plan(facts).ShouldHaveSingleItem();

        // Then
        digest.Content.To.StaffId.ShouldBe(F.ProviderDeputyLeadId);
        digest.Content.To.StandsInFor.ShouldBe("Person S-2");
        digest.Key.ShouldBe("digest/S-2/2026-06-10");
    }

    [Fact]
    public void Plan_TeamWithoutLead_NoDigest()
    {
        // Given
        var facts = TeamWithWork().ChangeTeam(F.ProviderTeamId, t => t with { LeadStaffId = null });

        // When
        var digests = Plan(facts);

        // Then
        digests.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_LeadOfTwoTeams_AtMostOneDigestPerLeadPerDay()
    {
        // Given: S-2 also leads team T-P-2, whose member S-8 has an overdue certificate (due 01.06.2026)
        var facts = Quiet()
            .WithTeam("T-P-2", F.ProviderId, F.ProviderTeamLeadId)
            .WithStaff("S-8", F.ProviderId, "T-P-2")
            .WithCertificate("S-8", new DateOnly(2021, 6, 1))
            .WithMeeting("M-1", new DateOnly(2026, 6, 3))
            .Build().WithEmails();

        // When
        var digests = Plan(facts);

        // Then: "one mail per team lead", "at most one digest per lead per day"
        digests.Count(d => d.Content.To.StaffId == F.ProviderTeamLeadId).ShouldBe(1,
            "digests to S-2: " + string.Join(", ", digests.Select(d => d.Key)));
        var lines = digests.Where(d => d.Content.To.StaffId == F.ProviderTeamLeadId).SelectMany(d => d.Content.Overdue).ToList();
        lines.Select(l => l.SubjectId).ShouldBe(["M-1", "S-8"], ignoreOrder: true);
    }

    [Fact]
    public void AdminReport_ProblemsAndAdminEmail_OneMailWithEveryProblem()
    {
        // Given
        var problems = new[]
        {
            Problem(F.KeyWorkerId, "nicht mehr aktiv", F.ProviderTeamLeadId),
            Problem("S-99", "Person unbekannt", null),
        };

        // When
        var report = AdminReportPlanner.Plan("admin@example.de", Today, problems);

        // Then
        report.ShouldNotBeNull();
        report.Key.ShouldBe("admin/2026-06-10");
        report.Content.Kind.ShouldBe(NoticeKind.AdminReport);
        report.Content.To.Email.ShouldBe("admin@example.de");
        report.Content.Problems.ShouldBe(problems.Select(p => p.Line).ToList());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AdminReport_NoAdminEmail_NoMail(string? adminEmail)
    {
        // Given
        var problems = new[] { Problem(F.KeyWorkerId, "nicht mehr aktiv", F.ProviderTeamLeadId) };

        // When
        var report = AdminReportPlanner.Plan(adminEmail, Today, problems);

        // Then
        report.ShouldBeNull();
    }

    [Fact]
    public void AdminReport_NoProblems_NoMail()
    {
        // Given
        DataProblem[] problems = [];

        // When
        var report = AdminReportPlanner.Plan("admin@example.de", Today, problems);

        // Then
        report.ShouldBeNull();
    }
}
