using QeV.Domain.Facts;
using QeV.Domain.Rules;
using static QeV.Domain.Tests.Support.Builders.ProfileContexts;

namespace QeV.Domain.Tests.Rules;

/// <summary>
/// Providers that stop. Seed 000 § 6 Nr. 3: "Sollten sich Veränderungen ergeben, die Inhalte der
/// Vereinbarungsbestandteile berühren, sind sich die Vereinbarungspartner darüber einig, dass die vorliegende
/// Vereinbarung angepasst oder aufgehoben wird." A provider marked inactive (organisations.active = false) owes nothing
/// new: no Leistungsbericht, no Führungszeugnis, no Entwicklungsbericht. What the Jugendamt owes for the case stays.
/// </summary>
public sealed class InactiveProvidersTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 1);

    /// <summary>P-1 with its QEV, its key worker's Fortschreibung and staff without certificates; P-2 active alongside.</summary>
    private static FactsBuilder TwoProviders() => new FactsBuilder()
        .WithLeitung("S-20", FactsBuilder.JugendamtId)
        .WithLeitung("S-30", FactsBuilder.ProviderId)
        .WithAgreement("AG-1", new DateOnly(2023, 1, 10))
        .WithMeeting("M-1", new DateOnly(2026, 6, 22))
        .WithOrganisation("P-2", OrganisationKind.Traeger, "ST")
        .WithStaff("S-40", "P-2");

    private static List<Deadline> All(FactsBuilder facts) =>
        new DeadlineEngine(RuleCatalog.All).Evaluate(facts.Build(), Under("magdeburg", AsOf)).ToList();

    [Fact]
    public void Evaluate_ProviderStopped_NoOpenDeadlineOfTheProvider()
    {
        // Given
        var facts = TwoProviders().WithOrganisationActive(FactsBuilder.ProviderId, false);

        // When
        var deadlines = All(facts);

        // Then: F01 (its key worker), F07/F10/F11 (its agreement), F12 (its staff) are gone
        deadlines.Where(d => d.Rule is "F01" or "F07" or "F10" or "F11").ShouldBeEmpty();
        deadlines.Where(d => d.Rule == "F12").Select(d => d.SubjectId).ShouldBe(["S-40"]);
    }

    [Fact]
    public void Evaluate_ProviderStopped_JugendamtsOwnCaseObligationStays()
    {
        // Given: seed 000 "Die Hilfeplanfortschreibung erfolgt halbjährlich, erstmals 6 Monate nach Hilfebeginn" is the
        // case manager's duty, not the provider's
        var facts = TwoProviders().WithOrganisationActive(FactsBuilder.ProviderId, false);

        // When
        var deadlines = All(facts);

        // Then
        deadlines.Where(d => d.Rule == "F02").Select(d => d.CaseId).ShouldBe([FactsBuilder.CaseId]);
    }

    [Fact]
    public void Evaluate_ProviderActive_SameRulesPresent()
    {
        // Given: the same facts with P-1 active (the control case)
        var facts = TwoProviders();

        // When
        var deadlines = All(facts);

        // Then
        deadlines.Select(d => d.Rule).Distinct().ShouldBe(["F01", "F02", "F07", "F10", "F11", "F12"], ignoreOrder: true);
        deadlines.Count(d => d.Rule == "F12").ShouldBe(5);
    }

    [Fact]
    public void Evaluate_ProviderStopped_FulfilledHistoryStays()
    {
        // Given: the Entwicklungsbericht for M-1 came in before the provider stopped
        var facts = TwoProviders().WithEntwicklungsbericht("R-1", new DateOnly(2026, 5, 20), "M-1")
            .WithOrganisationActive(FactsBuilder.ProviderId, false);

        // When
        var deadlines = All(facts);

        // Then
        deadlines.Where(d => d.Rule == "F01").ShouldHaveSingleItem().Status.ShouldBe(DeadlineStatus.Fulfilled);
    }
}
