using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F09 AG § 78 review, DOMAIN.md (seed 000, § 4 1.5; annex): the professional standards are reviewed in the AG § 78
/// "im Abstand von 3 Jahren". Precise default: one instance per Jugendamt with at least one <c>ag78_sessions</c>
/// row; due = the latest session date + 3 years, moved to the next business day; responsible: the Jugendamt's
/// active <c>leitung</c> with the lowest <c>staff_id</c>.
/// </summary>
public sealed class F09Ag78ReviewRuleTests
{
    private static readonly DateOnly DefaultAsOf = new(2026, 1, 15);

    [Fact]
    public void Evaluate_SeveralSessions_DueThreeYearsAfterLatestOnNextBusinessDay()
    {
        // Given: the latest session is not the last row
        var facts = new FactsBuilder()
            .WithSession("AG78-1", new DateOnly(2022, 5, 10))
            .WithSession("AG78-3", new DateOnly(2023, 11, 15))
            .WithSession("AG78-2", new DateOnly(2023, 2, 7));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then: 2026-11-15 is a Sunday: on to Monday 2026-11-16
        deadline.DueDate.ShouldBe(new DateOnly(2026, 11, 16));
    }

    [Fact]
    public void Evaluate_Session_DescribesJugendamt()
    {
        // Given
        var facts = new FactsBuilder().WithSession("AG78-1", new DateOnly(2023, 11, 15));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.Rule.ShouldBe("F09");
        deadline.SubjectType.ShouldBe(SubjectType.Organisation);
        deadline.SubjectId.ShouldBe(FactsBuilder.JugendamtId);
        deadline.CaseId.ShouldBeNull();
        deadline.FileReference.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_NoSessions_NoInstance()
    {
        // Given
        var facts = new FactsBuilder();

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_TwoJugendaemterWithSessions_OneInstanceEach()
    {
        // Given: JA-2 sits in RP
        var facts = new FactsBuilder()
            .WithOrganisation("JA-2", OrganisationKind.Jugendamt, "RP")
            .WithOrganisation("JA-3", OrganisationKind.Jugendamt, "ST")
            .WithSession("AG78-1", new DateOnly(2023, 11, 15))
            .WithSession("AG78-2", new DateOnly(2021, 11, 1), organisationId: "JA-2")
            .WithSession("AG78-3", new DateOnly(2020, 6, 3), organisationId: "JA-2");

        // When
        var deadlines = Evaluate(facts);

        // Then: JA-3 has no session; 2024-11-01 (Friday) is Allerheiligen in RP: on to Monday 2024-11-04
        deadlines.Select(d => (d.SubjectId, d.DueDate)).OrderBy(x => x.SubjectId).ShouldBe(
        [
            (FactsBuilder.JugendamtId, new DateOnly(2026, 11, 16)),
            ("JA-2", new DateOnly(2024, 11, 4)),
        ]);
    }

    [Theory]
    // 2025-10-31 (Friday) is Reformationstag in ST: on over the weekend to Monday 2025-11-03
    [InlineData("2022-10-31", "ST", "2025-11-03")]
    // ... but no holiday in RP
    [InlineData("2022-10-31", "RP", "2025-10-31")]
    // 2024-11-01 (Friday) is Allerheiligen in RP: on to Monday 2024-11-04
    [InlineData("2021-11-01", "RP", "2024-11-04")]
    // ... but no holiday in ST
    [InlineData("2021-11-01", "ST", "2024-11-01")]
    // empty state means the default ST
    [InlineData("2022-10-31", "", "2025-11-03")]
    // 2027 has no 29 February; 2027-02-28 is a Sunday: on to Monday 2027-03-01
    [InlineData("2024-02-29", "ST", "2027-03-01")]
    public void Evaluate_DueOnNoBusinessDay_MovesToNextBusinessDayOfJugendamtsState(
        string session, string state, string expected)
    {
        // Given
        var facts = new FactsBuilder()
            .WithJugendamtState(state)
            .WithSession("AG78-1", Day(session));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(Day(expected));
    }

    [Theory]
    [InlineData("2026-11-13", DeadlineStatus.Upcoming)]
    [InlineData("2026-11-16", DeadlineStatus.Due)]
    [InlineData("2026-11-17", DeadlineStatus.Overdue)]
    public void Evaluate_Session_StatusFollowsAsOfDate(string asOf, DeadlineStatus expected)
    {
        // Given: due Monday 2026-11-16
        var facts = new FactsBuilder().WithSession("AG78-1", new DateOnly(2023, 11, 15));

        // When
        var deadline = Evaluate(facts, Day(asOf)).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_JugendamtWithLeitungen_LowestActiveLeitungOfThatJugendamtIsResponsible()
    {
        // Given: S-5 is inactive, S-6 leads the provider, S-12 and S-8 are active leitung of the Jugendamt
        var facts = new FactsBuilder()
            .WithLeitung("S-5", FactsBuilder.JugendamtId, active: false)
            .WithLeitung("S-6", FactsBuilder.ProviderId)
            .WithLeitung("S-12", FactsBuilder.JugendamtId)
            .WithLeitung("S-8", FactsBuilder.JugendamtId)
            .WithSession("AG78-1", new DateOnly(2023, 11, 15));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.ResponsibleStaffId.ShouldBe("S-8");
    }

    [Fact]
    public void Evaluate_JugendamtWithoutLeitung_ResponsibleNull()
    {
        // Given
        var facts = new FactsBuilder().WithSession("AG78-1", new DateOnly(2023, 11, 15));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.ResponsibleStaffId.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_SessionRowOfProviderOrganisation_MakesNoInstance()
    {
        // Given: the import does not check that ag78_sessions.organisation_id is a Jugendamt
        var facts = new FactsBuilder()
            .WithSession("AG78-1", new DateOnly(2023, 11, 15), organisationId: FactsBuilder.ProviderId);

        // When
        var deadlines = Evaluate(facts);

        // Then: "one instance per Jugendamt"
        deadlines.ShouldBeEmpty();
    }

    private static List<Deadline> Evaluate(FactsBuilder facts, DateOnly? asOf = null) =>
        new F09Ag78ReviewRule().Evaluate(facts.Build(), AsOf(asOf ?? DefaultAsOf)).ToList();
}
