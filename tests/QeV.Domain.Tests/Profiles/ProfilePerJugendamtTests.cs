using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Partitions;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
using QeV.Domain.Tests.Support.Builders;

namespace QeV.Domain.Tests.Profiles;

/// <summary>
/// Issue 10 point 12, seed 000 § 2 Nr. 1: the agreement holds "für alle regional und überregional tätigen Träger/
/// Leistungsanbieter" – a provider works with several Jugendämter, each with its own agreement. Two Jugendämter:
/// JA-1 under the default profile (magdeburg, F01 „14 Tage vor“ the Fortschreibung; F07 every 2 years from the QEV),
/// JA-2 mapped to its own profile: F01 six weeks before, and F07 as seed 001 § 4 Nr. 1.4 „alle 2 Jahre, frühestens ab
/// 01.01.2019“ (magdeburg-2017). Judged on 2026-01-15.
/// </summary>
public sealed class ProfilePerJugendamtTests
{
    private static readonly DateOnly AsOf = new(2026, 1, 15);
    private static readonly DateOnly Fortschreibung = new(2026, 3, 18); // a Wednesday

    [Fact]
    public void Evaluate_CaseOfEachJugendamt_JudgedByItsProfile()
    {
        // Given: C-17 managed by JA-1, C-18 by JA-2, both with a Fortschreibung on 2026-03-18
        var facts = TwoJugendaemter().Build();

        // When
        var due = Due(facts, Mapped());

        // Then: JA-1 14 days before (Wednesday 2026-03-04); JA-2 six weeks before (Wednesday 2026-02-04)
        due["F01/M-17"].ShouldBe(new DateOnly(2026, 3, 4));
        due["F01/M-18"].ShouldBe(new DateOnly(2026, 2, 4));
    }

    [Fact]
    public void Evaluate_AgreementOfEachJugendamt_JudgedByItsProfile()
    {
        // Given: AG-1 of P-1 (its cases with JA-1), AG-2 of P-2 (its cases with JA-2), both concluded 2016-03-01
        var facts = TwoJugendaemter().Build();

        // When
        var due = Due(facts, Mapped());

        // Then: AG-1 concluded + 2 years (Thursday 2018-03-01); AG-2 not before 2019-01-01, Neujahr: Wednesday 2019-01-02
        due["F07/AG-1"].ShouldBe(new DateOnly(2018, 3, 1));
        due["F07/AG-2"].ShouldBe(new DateOnly(2019, 1, 2));
    }

    [Fact]
    public void Evaluate_NoMapping_OneProfileForAll()
    {
        // Given
        var facts = TwoJugendaemter().Build();

        // When
        var due = Due(facts, ProfileMap.None);

        // Then: both Jugendämter under magdeburg
        due["F01/M-18"].ShouldBe(new DateOnly(2026, 3, 4));
        due["F07/AG-2"].ShouldBe(new DateOnly(2018, 3, 1));
    }

    [Fact]
    public void Evaluate_ByPartition_SameAsWholeDatabase()
    {
        // Given: the scan judges a batch of only JA-2's case and the provider-level part on its own
        var facts = TwoJugendaemter().Build();
        var context = Context(Mapped());
        var evaluator = new PartitionEvaluator(Rules());

        // When
        var cases = evaluator.Evaluate(RuleScope.Case, facts.WithCases(id => id == "C-18"), context);
        var agreements = evaluator.Evaluate(RuleScope.Organisation, facts, context);

        // Then
        cases.Where(d => d.Deadline.Rule == "F01").ShouldHaveSingleItem().Deadline.DueDate.ShouldBe(new DateOnly(2026, 2, 4));
        agreements.Where(d => d.Deadline.Rule == "F07").Select(d => (d.Deadline.SubjectId, d.Deadline.DueDate)).Order().ShouldBe(
            [("AG-1", new DateOnly(2018, 3, 1)), ("AG-2", new DateOnly(2019, 1, 2))]);
    }

    [Fact]
    public void Evaluate_RuleOffInMappedProfile_NoDeadlineForThatJugendamtOnly()
    {
        // Given: JA-2 under nrw-qe-vereinbarung, which has no Entwicklungsbericht rule
        var facts = TwoJugendaemter().Build();
        var map = new ProfileMap(new Dictionary<string, RuleProfile> { ["JA-2"] = BuiltInProfiles.Create("nrw-qe-vereinbarung")! });

        // When
        var due = Due(facts, map);

        // Then
        due.Keys.ShouldContain("F01/M-17");
        due.Keys.ShouldNotContain("F01/M-18");
    }

    private static ProfileMap Mapped()
    {
        var own = BuiltInProfiles.Create("magdeburg-2017")!.Derive("ja-2", "Jugendamt 2", "Vereinbarung des Jugendamts 2");
        own.Rules["F01"].Parameters["Before"] = "6w";
        return new ProfileMap(new Dictionary<string, RuleProfile> { ["JA-2"] = own });
    }

    private static FactsBuilder TwoJugendaemter() => new FactsBuilder()
        .WithOrganisation("JA-2", OrganisationKind.Jugendamt, "ST")
        .WithOrganisation("P-2", OrganisationKind.Traeger, "ST")
        .WithStaff("S-20", "JA-2")
        .WithStaff("S-27", "P-2")
        .WithCase("C-18", keyWorkerStaffId: "S-27", providerOrganisationId: "P-2", caseManagerStaffId: "S-20")
        .WithMeeting("M-17", Fortschreibung)
        .WithMeeting("M-18", Fortschreibung, caseId: "C-18")
        .WithAgreement("AG-1", new DateOnly(2016, 3, 1))
        .WithAgreement("AG-2", new DateOnly(2016, 3, 1), providerOrganisationId: "P-2");

    private static IDeadlineRule[] Rules() => [new F01EntwicklungsberichtRule(), new F07LeistungsberichtRule()];

    private static RuleContext Context(ProfileMap map) =>
        new(AsOf, new BusinessCalendar(), Bundesland.ST, BuiltInProfiles.Create("magdeburg")) { Map = map };

    private static Dictionary<string, DateOnly> Due(FactSet facts, ProfileMap map) =>
        new DeadlineEngine(Rules()).Evaluate(facts, Context(map)).ToDictionary(d => $"{d.Rule}/{d.SubjectId}", d => d.DueDate);
}
