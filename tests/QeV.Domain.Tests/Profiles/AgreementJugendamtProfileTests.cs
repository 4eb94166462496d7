using QeV.Domain.Calendar;
using QeV.Domain.Facts;
using QeV.Domain.Profiles;
using QeV.Domain.Rules;
using QeV.Domain.Tests.Support.Builders;

namespace QeV.Domain.Tests.Profiles;

/// <summary>
/// Issue 10 point 12, seed 000 § 2 Nr. 1: the agreement holds "für alle regional und überregional tätigen Träger/
/// Leistungsanbieter" – one provider, P-1, has an agreement with each of two Jugendämter. The agreement names its
/// Jugendamt (<c>agreements.jugendamt_organisation_id</c>, M015): AG-1 with JA-1 (default profile magdeburg: F07 every
/// 2 years from the QEV), AG-3 with JA-2 (mapped to magdeburg-2017: F07 "alle 2 Jahre, frühestens ab 01.01.2019", seed
/// 001 § 4 Nr. 1.4). All P-1's cases are managed by JA-1, so without the column both go by JA-1. Judged on 2026-01-15.
/// </summary>
public sealed class AgreementJugendamtProfileTests
{
    private static readonly DateOnly AsOf = new(2026, 1, 15);
    private static readonly DateOnly Concluded = new(2016, 3, 1);

    [Fact]
    public void Evaluate_OneProviderTwoAgreementsTwoJugendaemter_EachByItsOwnJugendamtsProfile()
    {
        // Given: AG-1 names JA-1, AG-3 names JA-2; both of P-1, concluded 2016-03-01
        var facts = Provider()
            .WithAgreementRow(Agreement("AG-1") with { JugendamtOrganisationId = "JA-1" })
            .WithAgreementRow(Agreement("AG-3") with { JugendamtOrganisationId = "JA-2" })
            .Build();

        // When
        var due = Due(facts);

        // Then: AG-1 concluded + 2 years (Thursday 2018-03-01); AG-3 not before 2019-01-01, Neujahr: Wednesday 2019-01-02
        due["F07/AG-1"].ShouldBe(new DateOnly(2018, 3, 1));
        due["F07/AG-3"].ShouldBe(new DateOnly(2019, 1, 2));
    }

    [Fact]
    public void Evaluate_AgreementWithoutJugendamt_ByItsProvidersJugendamt()
    {
        // Given: AG-3 names no Jugendamt; P-1's cases are managed by JA-1
        var facts = Provider()
            .WithAgreementRow(Agreement("AG-1") with { JugendamtOrganisationId = "JA-2" })
            .WithAgreementRow(Agreement("AG-3"))
            .Build();

        // When
        var due = Due(facts);

        // Then: AG-3 as today (JA-1, magdeburg); AG-1 by JA-2 (magdeburg-2017)
        due["F07/AG-3"].ShouldBe(new DateOnly(2018, 3, 1));
        due["F07/AG-1"].ShouldBe(new DateOnly(2019, 1, 2));
    }

    private static Agreement Agreement(string id) => new(id, FactsBuilder.ProviderId, AgreementKind.Qev, Concluded, null, null);

    private static FactsBuilder Provider() => new FactsBuilder()
        .WithOrganisation("JA-2", OrganisationKind.Jugendamt, "ST");

    private static Dictionary<string, DateOnly> Due(FactSet facts)
    {
        var map = new ProfileMap(new Dictionary<string, RuleProfile> { ["JA-2"] = BuiltInProfiles.Create("magdeburg-2017")! });
        var context = new RuleContext(AsOf, new BusinessCalendar(), Bundesland.ST, BuiltInProfiles.Create("magdeburg")) { Map = map };
        return new DeadlineEngine([new F07LeistungsberichtRule()]).Evaluate(facts, context).ToDictionary(d => $"{d.Rule}/{d.SubjectId}", d => d.DueDate);
    }
}
