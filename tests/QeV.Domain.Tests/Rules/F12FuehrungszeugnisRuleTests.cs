using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F12 erweitertes Führungszeugnis, DOMAIN.md (seed 000, annex): "Personelle Ausstattung … (alle 5 Jahre)" – one
/// must exist for every employee and is renewed every 5 years from its issue date. Precise default: one instance per
/// active staff member of a provider (<c>kind = traeger</c>); due = the latest <c>issued_date</c> + 5 years, moved
/// to the previous business day; with no certificate on record, due = <c>employed_since</c> as it is (or the
/// report's date if that is empty); responsible: the staff member; escalation: their team lead, or the team's deputy
/// lead when the person is the team lead.
/// </summary>
public sealed class F12FuehrungszeugnisRuleTests
{
    private static readonly DateOnly DefaultAsOf = new(2026, 1, 15);

    [Fact]
    public void Evaluate_DefaultFacts_OneInstancePerActiveProviderStaffOnly()
    {
        // Given: provider staff S-2, S-3, S-7; Jugendamt staff S-1, S-4; an inactive provider employee S-8
        var facts = new FactsBuilder()
            .WithStaff("S-8", FactsBuilder.ProviderId, FactsBuilder.ProviderTeamId, active: false);

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.Select(d => d.SubjectId).Order(StringComparer.Ordinal).ShouldBe(
            [FactsBuilder.ProviderTeamLeadId, FactsBuilder.ProviderDeputyLeadId, FactsBuilder.KeyWorkerId]);
    }

    [Fact]
    public void Evaluate_JugendamtStaffWithCertificate_NoInstance()
    {
        // Given
        var facts = new FactsBuilder().WithCertificate(FactsBuilder.CaseManagerId, new DateOnly(2021, 3, 10));

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.ShouldNotContain(d => d.SubjectId == FactsBuilder.CaseManagerId);
    }

    [Fact]
    public void Evaluate_Certificate_DescribesStaffMemberWhoIsResponsible()
    {
        // Given
        var facts = new FactsBuilder().WithCertificate(FactsBuilder.KeyWorkerId, new DateOnly(2021, 3, 10));

        // When
        var deadline = Single(facts, FactsBuilder.KeyWorkerId);

        // Then
        deadline.Rule.ShouldBe("F12");
        deadline.SubjectType.ShouldBe(SubjectType.Staff);
        deadline.CaseId.ShouldBeNull();
        deadline.FileReference.ShouldBeNull();
        deadline.ResponsibleStaffId.ShouldBe(FactsBuilder.KeyWorkerId);
    }

    [Fact]
    public void Evaluate_SeveralCertificates_LatestIssuedDateWins()
    {
        // Given: the latest certificate is recorded first
        var facts = new FactsBuilder()
            .WithCertificate(FactsBuilder.KeyWorkerId, new DateOnly(2021, 3, 10))
            .WithCertificate(FactsBuilder.KeyWorkerId, new DateOnly(2019, 5, 6))
            .WithCertificate(FactsBuilder.KeyWorkerId, new DateOnly(2020, 8, 3));

        // When
        var deadline = Single(facts, FactsBuilder.KeyWorkerId);

        // Then: 2026-03-10 is a Tuesday
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 10));
    }

    [Fact]
    public void Evaluate_CertificateOfOtherStaffMember_DoesNotCount()
    {
        // Given
        var facts = new FactsBuilder()
            .WithStaff("S-8", FactsBuilder.ProviderId, employedSince: new DateOnly(2025, 9, 1))
            .WithCertificate(FactsBuilder.KeyWorkerId, new DateOnly(2021, 3, 10));

        // When
        var deadline = Single(facts, "S-8");

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2025, 9, 1));
    }

    [Theory]
    // 2026-10-31 is Reformationstag in ST and a Saturday: back to Friday 2026-10-30
    [InlineData("2021-10-31", "ST", "2026-10-30")]
    // 2026-06-04 (Thursday) is Fronleichnam in RP: back to Wednesday 2026-06-03
    [InlineData("2021-06-04", "RP", "2026-06-03")]
    // ... but no holiday in ST
    [InlineData("2021-06-04", "ST", "2026-06-04")]
    // 2027-11-01 (Monday) is Allerheiligen in RP: back over the weekend to Friday 2027-10-29
    [InlineData("2022-11-01", "RP", "2027-10-29")]
    // ... but no holiday in ST
    [InlineData("2022-11-01", "ST", "2027-11-01")]
    // 2027-01-06 (Wednesday) is Heilige Drei Könige in the default state ST: back to Tuesday 2027-01-05
    [InlineData("2022-01-06", "", "2027-01-05")]
    // ... but no holiday in RP
    [InlineData("2022-01-06", "RP", "2027-01-06")]
    // 2029 has no 29 February; 2029-02-28 is a Wednesday, a business day
    [InlineData("2024-02-29", "ST", "2029-02-28")]
    public void Evaluate_Certificate_DueFiveYearsLaterOnPreviousBusinessDayOfProvidersState(
        string issued, string state, string expected)
    {
        // Given
        var facts = new FactsBuilder()
            .WithProviderState(state)
            .WithCertificate(FactsBuilder.KeyWorkerId, Day(issued));

        // When
        var deadline = Single(facts, FactsBuilder.KeyWorkerId);

        // Then
        deadline.DueDate.ShouldBe(Day(expected));
    }

    [Fact]
    public void Evaluate_NoCertificate_DueOnEmployedSinceEvenOnSaturday()
    {
        // Given: employed since Saturday 2026-03-07
        var facts = new FactsBuilder()
            .WithEmployedSince(FactsBuilder.KeyWorkerId, new DateOnly(2026, 3, 7));

        // When
        var deadline = Single(facts, FactsBuilder.KeyWorkerId);

        // Then: taken as it is, not moved
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 7));
        deadline.Status.ShouldBe(DeadlineStatus.Upcoming);
    }

    [Fact]
    public void Evaluate_NoCertificateEmployedSinceInPast_Overdue()
    {
        // Given
        var facts = new FactsBuilder()
            .WithEmployedSince(FactsBuilder.KeyWorkerId, new DateOnly(2025, 9, 1));

        // When
        var deadline = Single(facts, FactsBuilder.KeyWorkerId);

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2025, 9, 1));
        deadline.Status.ShouldBe(DeadlineStatus.Overdue);
    }

    [Fact]
    public void Evaluate_NoCertificateNoEmployedSince_DueOnAsOfDate()
    {
        // Given: the as-of date is Saturday 2026-03-07, still taken as it is
        var facts = new FactsBuilder();

        // When
        var deadline = Single(facts, FactsBuilder.KeyWorkerId, new DateOnly(2026, 3, 7));

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 7));
        deadline.Status.ShouldBe(DeadlineStatus.Due);
    }

    [Theory]
    [InlineData("2026-03-09", DeadlineStatus.Upcoming)]
    [InlineData("2026-03-10", DeadlineStatus.Due)]
    [InlineData("2026-03-11", DeadlineStatus.Overdue)]
    public void Evaluate_Certificate_StatusFollowsAsOfDate(string asOf, DeadlineStatus expected)
    {
        // Given: due Tuesday 2026-03-10
        var facts = new FactsBuilder().WithCertificate(FactsBuilder.KeyWorkerId, new DateOnly(2021, 3, 10));

        // When
        var deadline = Single(facts, FactsBuilder.KeyWorkerId, Day(asOf));

        // Then
        deadline.Status.ShouldBe(expected);
    }

    [Theory]
    // a member of the team: its lead
    [InlineData(FactsBuilder.KeyWorkerId, FactsBuilder.ProviderTeamLeadId)]
    // the team's deputy lead is a member too: the lead
    [InlineData(FactsBuilder.ProviderDeputyLeadId, FactsBuilder.ProviderTeamLeadId)]
    // the team lead: the team's deputy lead
    [InlineData(FactsBuilder.ProviderTeamLeadId, FactsBuilder.ProviderDeputyLeadId)]
    public void Evaluate_StaffInTeam_EscalatesToTeamLeadOrDeputyLead(string staffId, string expected)
    {
        // Given
        var facts = new FactsBuilder();

        // When
        var deadline = Single(facts, staffId);

        // Then
        deadline.EscalationStaffId.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_TeamLeadOfTeamWithoutDeputy_EscalationNull()
    {
        // Given
        var facts = new FactsBuilder()
            .WithTeam(FactsBuilder.ProviderTeamId, FactsBuilder.ProviderId, FactsBuilder.ProviderTeamLeadId, null);

        // When
        var deadline = Single(facts, FactsBuilder.ProviderTeamLeadId);

        // Then
        deadline.EscalationStaffId.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_StaffWithoutTeam_EscalationNull()
    {
        // Given
        var facts = new FactsBuilder().WithStaff("S-8", FactsBuilder.ProviderId, teamId: null);

        // When
        var deadline = Single(facts, "S-8");

        // Then
        deadline.ResponsibleStaffId.ShouldBe("S-8");
        deadline.EscalationStaffId.ShouldBeNull();
    }

    private static List<Deadline> Evaluate(FactsBuilder facts, DateOnly? asOf = null) =>
        new F12FuehrungszeugnisRule().Evaluate(facts.Build(), AsOf(asOf ?? DefaultAsOf)).ToList();

    private static Deadline Single(FactsBuilder facts, string staffId, DateOnly? asOf = null) =>
        Evaluate(facts, asOf).Where(d => d.SubjectId == staffId).ShouldHaveSingleItem();
}
