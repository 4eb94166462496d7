using QeV.Worker.Tests.Support;
using static QeV.Worker.Tests.Support.ImportFiles;

namespace QeV.Worker.Tests.Import;

/// <summary>
/// The optional columns of issue 10 (CONTRACT.md, additive): organisations.active; agreements.qev_id, qev_date,
/// includes_qev, invited_by. Seed 000 § 6 Nr. 1 "einheitlich für alle in § 2 beschriebenen Träger"; seed 001 "ab dem
/// 01.07.2017"; § 6 Nr. 2 "(LEQ)"; seed 003 "Die Einladung erfolgt durch".
/// </summary>
public sealed class CatalogColumnsImportTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Import_NewOptionalColumns_LoadedIntoTheFacts(TestEngine engine)
    {
        // Given
        using var db = await TestDatabase.CreateAsync(engine);
        var files = Minimal();
        files["organisations.csv"] = Lines(
            "organisation_id,kind,name,contact_email,state,active",
            "JA-1,jugendamt,Jugendamt Magdeburg,,ST,",
            "TR-1,traeger,Kinder- und Jugendhilfe Sonnenschein e. V.,,ST,false");
        files["agreements.csv"] = Lines(
            "agreement_id,provider_organisation_id,kind,concluded_date,valid_until,next_dialogue_date,qev_id,qev_date,includes_qev,invited_by",
            "AG-1,TR-1,qev,2018-03-15,,,QEV-MD-2017,2017-07-01,,traeger",
            "AG-2,TR-1,leq,2019-05-01,,,,,true,");

        // When
        await db.ImportAsync(files);
        var facts = await db.LoadFactsAsync();

        // Then
        facts.FindOrganisation("JA-1")!.Active.ShouldBeTrue();
        facts.FindOrganisation("TR-1")!.Active.ShouldBeFalse();
        var qev = facts.Agreements.Single(a => a.AgreementId == "AG-1");
        qev.QevId.ShouldBe("QEV-MD-2017");
        qev.QevStart.ShouldBe(new DateOnly(2017, 7, 1));
        qev.InvitedBy.ShouldBe("traeger");
        facts.Agreements.Single(a => a.AgreementId == "AG-2").IncludesQev.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Import_WithoutTheNewColumns_DefaultsKeepTheOldMeaning(TestEngine engine)
    {
        // Given: the export of before, without any of the new columns
        using var db = await TestDatabase.CreateAsync(engine);

        // When
        await db.ImportAsync(Minimal());
        var facts = await db.LoadFactsAsync();

        // Then
        facts.Organisations.ShouldAllBe(o => o.Active);
        var agreement = facts.Agreements.ShouldHaveSingleItem();
        agreement.QevId.ShouldBeNull();
        agreement.QevStart.ShouldBe(agreement.ConcludedDate);
        agreement.IncludesQev.ShouldBeFalse();
    }
}
