using QeV.Domain.Facts;
using QeV.Domain.Rules;

namespace QeV.Domain.Tests.Rules.Boundaries;

/// <summary>
/// The choices every rule shares (<see cref="People"/>), each tried with three candidates where only one is right: the
/// Jugendamt a provider works for (the one whose case managers hold most of its cases, ties to the lowest id, else the
/// first Jugendamt), the Leitung (active, role leitung, lowest staff_id in natural order) and who acts for the provider
/// about a person (the team lead, or the Leitung when the person leads the team).
/// </summary>
public sealed class PeopleChoiceTests
{
    [Fact]
    public void JugendamtFor_CasesOfThreeJugendaemter_TheOneWithMostCases()
    {
        // Given: JA-1 holds 1 case of P-1, JA-2 holds 3, JA-3 holds 2; a provider's staff member manages 4 more
        var facts = WithCaseManagers(("JA-1", 1), ("JA-2", 3), ("JA-3", 2), ("P-9", 4));

        // When / Then
        People.JugendamtFor(facts, FactsBuilder.ProviderId).ShouldBe("JA-2");
    }

    [Fact]
    public void JugendamtFor_TwoWithTheMostCases_TheLowerId()
    {
        // Given: JA-10 and JA-2 hold 2 cases each (JA-2 comes first in natural order), JA-1 holds 1
        var facts = WithCaseManagers(("JA-10", 2), ("JA-1", 1), ("JA-2", 2));

        // When / Then
        People.JugendamtFor(facts, FactsBuilder.ProviderId).ShouldBe("JA-2");
    }

    [Fact]
    public void JugendamtFor_ProviderWithoutCases_TheFirstJugendamt()
    {
        // Given: Jugendämter JA-3, JA-1 (the builder's) and JA-2, a provider P-5 without cases
        var facts = new FactsBuilder()
            .WithOrganisation("JA-3", OrganisationKind.Jugendamt, "ST")
            .WithOrganisation("JA-2", OrganisationKind.Jugendamt, "ST")
            .WithOrganisation("P-5", OrganisationKind.Traeger, "ST")
            .Build();

        // When / Then
        People.JugendamtFor(facts, "P-5").ShouldBe("JA-1");
    }

    [Fact]
    public void JugendamtFor_NoJugendamtAtAll_None()
    {
        // Given: the builder's Jugendamt turned into a provider, so there is none
        var facts = new FactsBuilder().WithOrganisation(FactsBuilder.JugendamtId, OrganisationKind.Traeger, "ST").Build();

        // When / Then
        People.JugendamtFor(facts, FactsBuilder.ProviderId).ShouldBeNull();
    }

    [Fact]
    public void LeitungOf_ThreeLeitungenOneInactive_LowestActiveStaffId()
    {
        // Given: S-9 (inactive), S-100 and S-30 as Leitung; S-5 is a Fachkraft with a lower id
        var facts = new FactsBuilder()
            .WithLeitung("S-9", FactsBuilder.ProviderId, active: false)
            .WithLeitung("S-100", FactsBuilder.ProviderId)
            .WithLeitung("S-30", FactsBuilder.ProviderId)
            .WithStaff("S-5", FactsBuilder.ProviderId)
            .Build();

        // When / Then: S-30 comes before S-100 in natural order (as plain text "S-100" would come first)
        People.LeitungOf(facts, FactsBuilder.ProviderId).ShouldBe("S-30");
    }

    [Theory]
    [InlineData(FactsBuilder.KeyWorkerId, FactsBuilder.ProviderTeamLeadId)] // a Fachkraft: the team lead
    [InlineData(FactsBuilder.ProviderTeamLeadId, "S-30")] // the team lead: the Leitung, not the person
    [InlineData("S-8", "S-30")] // without a team: the Leitung
    public void LeadFor_ThePersonsPlace_TeamLeadOrLeitung(string staffId, string expected)
    {
        // Given
        var facts = new FactsBuilder()
            .WithLeitung("S-30", FactsBuilder.ProviderId)
            .WithStaff("S-8", FactsBuilder.ProviderId)
            .Build();

        // When / Then
        People.LeadFor(facts, staffId).ShouldBe(expected);
    }

    /// <summary>Cases of the default provider P-1, each managed by a case manager of the given organisation.</summary>
    private static FactSet WithCaseManagers(params (string Organisation, int Cases)[] holders)
    {
        var builder = new FactsBuilder();
        var caseNo = 100;
        foreach (var (organisation, cases) in holders)
        {
            var kind = organisation.StartsWith("JA-", StringComparison.Ordinal) ? OrganisationKind.Jugendamt : OrganisationKind.Traeger;
            var manager = $"S-{organisation}";
            builder.WithOrganisation(organisation, kind, "ST").WithStaff(manager, organisation);
            for (var i = 0; i < cases; i++)
            {
                builder.WithCase($"C-{caseNo++}", caseManagerStaffId: manager);
            }
        }

        // The builder's own case C-17 goes to a fourth Jugendamt with a single case, so it does not tip the count.
        builder.WithOrganisation("JA-4", OrganisationKind.Jugendamt, "ST").WithStaff("S-JA-4", "JA-4")
            .WithCase(FactsBuilder.CaseId, caseManagerStaffId: "S-JA-4");
        return builder.Build();
    }
}
