using Microsoft.Extensions.Configuration;
using QeV.Worker.Sources;

namespace QeV.Worker.Tests.Sources;

/// <summary>Sources settings are refused at start with one German line naming the key.</summary>
public sealed class SourcesOptionsValidatorTests
{
    private static List<string> Failures(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        var options = new SourcesOptions();
        SourcesBinder.Bind(configuration.GetSection(SourcesOptions.Section), options);
        var result = new SourcesOptionsValidator().Validate(null, options);
        return result.Failures?.ToList() ?? [];
    }

    [Fact]
    public void Validate_OneConnectionAndStringQueries_Succeeds() =>
        Failures(
            ("Sources:Connections:fv:Provider", "postgres"),
            ("Sources:Connections:fv:ConnectionString", "Host=db;Database=fv"),
            ("Sources:Queries:cases", "SELECT * FROM qev.cases"),
            ("Sources:Queries:meetings:Sql", "WITH m AS (SELECT * FROM qev.meetings) SELECT * FROM m")).ShouldBeEmpty();

    [Fact]
    public void Validate_UnknownProvider_NamesTheKey() =>
        Failures(("Sources:Connections:fv:Provider", "oracle"), ("Sources:Connections:fv:ConnectionString", "x"))
            .ShouldHaveSingleItem().ShouldStartWith("Sources:Connections:fv:Provider: „oracle“ ist unbekannt");

    [Fact]
    public void Validate_QueryForAnUnknownEntity_NamesTheKey() =>
        Failures(("Sources:Connections:fv:Provider", "sqlite"), ("Sources:Connections:fv:ConnectionString", "x.db"), ("Sources:Queries:faelle", "SELECT 1"))
            .ShouldHaveSingleItem().ShouldStartWith("Sources:Queries:faelle: „faelle“ ist keine Tabelle des Importformats");

    [Fact]
    public void Validate_WritingStatement_IsRefused() =>
        Failures(("Sources:Connections:fv:Provider", "sqlite"), ("Sources:Connections:fv:ConnectionString", "x.db"), ("Sources:Queries:cases", "DELETE FROM hilfe"))
            .ShouldHaveSingleItem().ShouldStartWith("Sources:Queries:cases:Sql: muss mit SELECT oder WITH beginnen");

    [Fact]
    public void Validate_TwoStatements_IsRefused() =>
        Failures(("Sources:Connections:fv:Provider", "sqlite"), ("Sources:Connections:fv:ConnectionString", "x.db"), ("Sources:Queries:cases", "SELECT 1; DROP TABLE hilfe"))
            .ShouldHaveSingleItem().ShouldStartWith("Sources:Queries:cases:Sql: nur eine einzige Abfrage");

    [Fact]
    public void Validate_QueryWithoutConnectionAmongTwo_NamesTheKey() =>
        Failures(
            ("Sources:Connections:a:Provider", "sqlite"), ("Sources:Connections:a:ConnectionString", "a.db"),
            ("Sources:Connections:b:Provider", "sqlite"), ("Sources:Connections:b:ConnectionString", "b.db"),
            ("Sources:Queries:cases", "SELECT 1"))
            .ShouldHaveSingleItem().ShouldStartWith("Sources:Queries:cases:Connection: fehlt");

    [Fact]
    public void Validate_MissingConnectionString_NamesTheKey() =>
        Failures(("Sources:Connections:fv:Provider", "sqlserver"))
            .ShouldHaveSingleItem().ShouldBe("Sources:Connections:fv:ConnectionString fehlt.");
}
