using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.RuleContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// F07 Leistungsbericht, DOMAIN.md (seed 000, § 4 1.4; annex): the provider's performance report "im Abstand von
/// 2 Jahren" after the QEV was concluded. Precise default: one instance per agreement of kind <c>qev</c>; with n =
/// the <c>leistungsbericht</c> reports of that provider received after <c>concluded_date</c>, due =
/// <c>concluded_date</c> + 2·(n+1) years, moved to the next business day; responsible: the provider's active
/// <c>leitung</c> with the lowest <c>staff_id</c>.
/// </summary>
public sealed class F07LeistungsberichtRuleTests
{
    // Friday; + 2 years = Sunday 2026-03-15
    private static readonly DateOnly Concluded = new(2024, 3, 15);
    private static readonly DateOnly DefaultAsOf = new(2026, 1, 15);

    [Fact]
    public void Evaluate_QevWithoutReports_DueTwoYearsAfterConclusionOnNextBusinessDay()
    {
        // Given
        var facts = new FactsBuilder().WithAgreement("AG-1", Concluded);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then: 2026-03-15 is a Sunday: on to Monday 2026-03-16
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 16));
    }

    [Fact]
    public void Evaluate_Qev_DescribesAgreement()
    {
        // Given
        var facts = new FactsBuilder().WithAgreement("AG-1", Concluded);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.Rule.ShouldBe("F07");
        deadline.Name.ShouldBe("Leistungsbericht");
        deadline.SubjectType.ShouldBe(SubjectType.Agreement);
        deadline.SubjectId.ShouldBe("AG-1");
        deadline.CaseId.ShouldBeNull();
        deadline.FileReference.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_LeqAgreement_MakesNoInstance()
    {
        // Given
        var facts = new FactsBuilder().WithAgreement("AG-1", Concluded, AgreementKind.Leq);

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_QevAndLeq_OneInstanceForTheQevOnly()
    {
        // Given
        var facts = new FactsBuilder()
            .WithAgreement("AG-1", Concluded, AgreementKind.Leq)
            .WithAgreement("AG-2", Concluded);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.SubjectId.ShouldBe("AG-2");
    }

    [Theory]
    // n = 1: 2028-03-15 is a Wednesday
    [InlineData(1, "2028-03-15")]
    // n = 2: 2030-03-15 is a Friday
    [InlineData(2, "2030-03-15")]
    public void Evaluate_ReportsReceivedAfterConclusion_DueTwoYearsPerReportLater(int reports, string expected)
    {
        // Given
        var facts = new FactsBuilder().WithAgreement("AG-1", Concluded);
        for (var i = 1; i <= reports; i++)
        {
            facts.WithLeistungsbericht($"R-{i}", Concluded.AddYears(2 * i).AddDays(-10));
        }

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(Day(expected));
    }

    [Theory]
    [InlineData("2024-03-15")]
    [InlineData("2023-06-01")]
    public void Evaluate_ReportReceivedOnOrBeforeConclusion_DoesNotCount(string received)
    {
        // Given
        var facts = new FactsBuilder()
            .WithAgreement("AG-1", Concluded)
            .WithLeistungsbericht("R-1", Day(received));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then: still concluded + 2 years, Sunday 2026-03-15 on to Monday 2026-03-16
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 16));
    }

    [Fact]
    public void Evaluate_ReportReceivedDayAfterConclusion_Counts()
    {
        // Given
        var facts = new FactsBuilder()
            .WithAgreement("AG-1", Concluded)
            .WithLeistungsbericht("R-1", new DateOnly(2024, 3, 16));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then: concluded + 4 years = Wednesday 2028-03-15
        deadline.DueDate.ShouldBe(new DateOnly(2028, 3, 15));
    }

    [Fact]
    public void Evaluate_ReportOfOtherProvider_DoesNotCount()
    {
        // Given
        var facts = new FactsBuilder()
            .WithOrganisation("P-2", OrganisationKind.Traeger, "ST")
            .WithAgreement("AG-1", Concluded)
            .WithLeistungsbericht("R-1", new DateOnly(2025, 6, 2), organisationId: "P-2");

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 16));
    }

    [Theory]
    [InlineData(ReportKind.Entwicklungsbericht)]
    [InlineData(ReportKind.Leistungsbeschreibung)]
    [InlineData(ReportKind.Abschlussbericht)]
    [InlineData(ReportKind.Nachweisblatt)]
    public void Evaluate_OtherReportKind_DoesNotCount(ReportKind kind)
    {
        // Given
        var facts = new FactsBuilder()
            .WithAgreement("AG-1", Concluded)
            .WithReport("R-1", kind, new DateOnly(2025, 6, 2));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 16));
    }

    [Fact]
    public void Evaluate_ConcludedOn29February_LandsOn28FebruaryThenNextBusinessDay()
    {
        // Given
        var facts = new FactsBuilder().WithAgreement("AG-1", new DateOnly(2024, 2, 29));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then: 2026 has no 29 February; 2026-02-28 is a Saturday: on to Monday 2026-03-02
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 2));
    }

    [Theory]
    // 2025-10-31 (Friday) is Reformationstag in ST: on over the weekend to Monday 2025-11-03
    [InlineData("2023-10-31", "ST", "2025-11-03")]
    // ... but no holiday in RP
    [InlineData("2023-10-31", "RP", "2025-10-31")]
    // 2024-11-01 (Friday) is Allerheiligen in RP: on to Monday 2024-11-04
    [InlineData("2022-11-01", "RP", "2024-11-04")]
    // ... but no holiday in ST
    [InlineData("2022-11-01", "ST", "2024-11-01")]
    // empty state means the default ST
    [InlineData("2023-10-31", "", "2025-11-03")]
    public void Evaluate_DueOnHoliday_MovesToNextBusinessDayOfProvidersState(
        string concluded, string state, string expected)
    {
        // Given
        var facts = new FactsBuilder()
            .WithProviderState(state)
            .WithAgreement("AG-1", Day(concluded));

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.DueDate.ShouldBe(Day(expected));
    }

    [Theory]
    [InlineData("2026-03-13", DeadlineStatus.Upcoming)]
    [InlineData("2026-03-16", DeadlineStatus.Due)]
    [InlineData("2026-03-17", DeadlineStatus.Overdue)]
    public void Evaluate_QevWithoutReports_StatusFollowsAsOfDate(string asOf, DeadlineStatus expected)
    {
        // Given: due Monday 2026-03-16
        var facts = new FactsBuilder().WithAgreement("AG-1", Concluded);

        // When
        var deadline = Evaluate(facts, Day(asOf)).ShouldHaveSingleItem();

        // Then
        deadline.Status.ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_OneActiveLeitung_IsResponsible()
    {
        // Given
        var facts = new FactsBuilder()
            .WithLeitung("S-30", FactsBuilder.ProviderId)
            .WithAgreement("AG-1", Concluded);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.ResponsibleStaffId.ShouldBe("S-30");
    }

    [Fact]
    public void Evaluate_SeveralLeitungen_LowestStaffIdInNaturalOrderIsResponsible()
    {
        // Given
        var facts = new FactsBuilder()
            .WithLeitung("S-10", FactsBuilder.ProviderId)
            .WithLeitung("S-9", FactsBuilder.ProviderId)
            .WithLeitung("S-11", FactsBuilder.ProviderId)
            .WithAgreement("AG-1", Concluded);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then: "S-9" < "S-10" although ordinal order says otherwise
        deadline.ResponsibleStaffId.ShouldBe("S-9");
    }

    [Fact]
    public void Evaluate_InactiveLeitungWithLowerId_IsSkipped()
    {
        // Given
        var facts = new FactsBuilder()
            .WithLeitung("S-9", FactsBuilder.ProviderId, active: false)
            .WithLeitung("S-10", FactsBuilder.ProviderId)
            .WithAgreement("AG-1", Concluded);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.ResponsibleStaffId.ShouldBe("S-10");
    }

    [Fact]
    public void Evaluate_LeitungOfOtherOrganisationsOnly_ResponsibleNull()
    {
        // Given: a leitung of the Jugendamt and of another provider, and the provider's own team lead
        var facts = new FactsBuilder()
            .WithOrganisation("P-2", OrganisationKind.Traeger, "ST")
            .WithLeitung("S-8", FactsBuilder.JugendamtId)
            .WithLeitung("S-9", "P-2")
            .WithAgreement("AG-1", Concluded);

        // When
        var deadline = Evaluate(facts).ShouldHaveSingleItem();

        // Then
        deadline.ResponsibleStaffId.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_TwoProviders_EachCountsOwnReportsAndLeitung()
    {
        // Given
        var facts = new FactsBuilder()
            .WithOrganisation("P-2", OrganisationKind.Traeger, "ST")
            .WithLeitung("S-30", FactsBuilder.ProviderId)
            .WithLeitung("S-31", "P-2")
            .WithAgreement("AG-1", Concluded)
            .WithAgreement("AG-2", Concluded, providerOrganisationId: "P-2")
            .WithLeistungsbericht("R-1", new DateOnly(2026, 3, 1), organisationId: "P-2");

        // When
        var deadlines = Evaluate(facts);

        // Then
        deadlines.Select(d => (d.SubjectId, d.DueDate, d.ResponsibleStaffId)).OrderBy(x => x.SubjectId).ShouldBe(
        [
            ("AG-1", new DateOnly(2026, 3, 16), "S-30"),
            ("AG-2", new DateOnly(2028, 3, 15), "S-31"),
        ]);
    }

    private static List<Deadline> Evaluate(FactsBuilder facts, DateOnly? asOf = null) =>
        new F07LeistungsberichtRule().Evaluate(facts.Build(), AsOf(asOf ?? DefaultAsOf)).ToList();
}
