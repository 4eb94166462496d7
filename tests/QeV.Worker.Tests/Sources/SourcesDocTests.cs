using QeV.Domain.Tables;

namespace QeV.Worker.Tests.Sources;

/// <summary>docs/sources.md is what an integrator maps a foreign schema by: its column table must be the import contract.</summary>
public sealed class SourcesDocTests
{
    [Fact]
    public void ColumnTable_EveryEntity_ListsEveryContractColumnRequiredInBoldAndItsReferences()
    {
        // Given
        var lines = File.ReadAllLines(Path.Combine(FindRoot(), "docs", "sources.md"));

        // Then
        foreach (var spec in ImportCatalog.Tables)
        {
            var row = lines.SingleOrDefault(l => l.StartsWith($"| `{spec.Table}` ", StringComparison.Ordinal));
            row.ShouldNotBeNull($"docs/sources.md has no row for {spec.Table}");
            row.Split('|')[2].Trim().ShouldBe(string.Join(" + ", spec.KeyColumns), spec.Table);
            var columns = row.Split('|')[3];
            foreach (var column in spec.Columns)
            {
                var name = column.Required ? $"**{column.Name}**" : column.Name;
                columns.ShouldContain(name, customMessage: $"{spec.Table}.{column.Name}");
                if (column.References is { } target)
                {
                    columns.ShouldContain($"{name} → {target}", customMessage: $"{spec.Table}.{column.Name}");
                }

                foreach (var code in column.AllowedCodes.Where(_ => column.Name != "state"))
                {
                    columns.ShouldContain($"`{code}`", customMessage: $"{spec.Table}.{column.Name}");
                }
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QeV.Worker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("QeV.Worker.sln nicht gefunden");
    }
}
